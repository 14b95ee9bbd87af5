import { createApp, stream } from 'typefast'

async function* countdown(from: number) {
  for (let n = from; n > 0; n--) {
    yield `${n}...\n`
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  yield 'liftoff!\n'
}

// The generator is pulled only as fast as the client reads: a slow client never fills the memory.
export const app = createApp().get('/countdown', function countdownStream() {
  return stream(countdown(3), { contentType: 'text/plain; charset=utf-8' })
})
