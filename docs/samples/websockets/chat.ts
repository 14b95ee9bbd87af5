import { createApp, dependency, HTTPException, t } from 'typefast'

const Incoming = t.Object({ text: t.String({ minLength: 1, maxLength: 500 }) })
const Outgoing = t.Object({ room: t.Integer(), user: t.String(), text: t.String() })

const currentUser = dependency({ query: t.Object({ token: t.String() }) }, ({ query }) => {
  if (query.token !== 'secret-token') throw new HTTPException(403, 'Invalid token')
  return 'ada'
})

export const app = createApp().websocket(
  '/rooms/{room}',
  { params: t.Object({ room: t.Integer() }), deps: { user: currentUser }, receive: Incoming, send: Outgoing },
  async function chat({ params, deps, socket }) {
    await socket.sendJson({ room: params.room, user: 'server', text: `welcome, ${deps.user}` })
    // Each message is parsed and validated by `receive`; the loop ends when the client closes.
    for await (const message of socket) {
      await socket.sendJson({ room: params.room, user: deps.user, text: message.text })
    }
  },
)
