import { createApp, get, router } from 'typefast'

// A route is a value: make it anywhere, register it later.
const healthRoute = get('/health', function health() {
  return { ok: true }
})

const greetings = router(
  { prefix: '/greetings', tags: ['greetings'] },
  get('/', function listGreetings() {
    return ['hello', 'bonjour']
  }),
  get('/{language}', function readGreeting({ params }) {
    return { language: params.language }
  }),
)

export const app = createApp().add(healthRoute).include(greetings)
