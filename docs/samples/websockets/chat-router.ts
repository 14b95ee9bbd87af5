import { createApp, dependency, get, HTTPException, router, t, websocket } from 'typefast'

export const events: string[] = []

// An app-level dependency: it runs for every route, WebSocket routes included.
const audit = dependency(async function* audit() {
  events.push('connection opened')
  yield
  events.push('connection closed')
})

// A router-level guard: it runs before each route below, WebSocket routes included.
const apiKey = dependency({ headers: t.Object({ 'x-api-key': t.String() }) }, ({ headers }) => {
  if (headers['x-api-key'] !== 'team-key') throw new HTTPException(403, 'Invalid API key')
})

const rooms = router(
  { prefix: '/rooms', tags: ['rooms'], deps: { apiKey } },
  get('/', function listRooms() {
    return ['lobby', 'support']
  }),
  websocket(
    '/{room}/live',
    { params: t.Object({ room: t.String() }), receive: t.Object({ text: t.String() }) },
    async function roomFeed({ params, socket }) {
      for await (const message of socket) await socket.sendText(`${params.room}: ${message.text}`)
    },
  ),
)

export const app = createApp({ deps: { audit } }).include(rooms)
