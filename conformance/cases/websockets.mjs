// Requests for docs/websockets.md, over plain HTTP: a WebSocket route is not an HTTP route.
// The upgrade handshake is not compared here: undici's request refuses an `Upgrade` header, and
// uvicorn without the `websockets` (or `wsproto`) package, which the pinned venv lacks, answers
// every handshake as a plain GET (404).
import { TRICKY } from '../generate-extra.mjs'

const plain = [
  ['a plain GET of the WebSocket path', 'GET', '/rooms/1?token=secret-token'],
  ['a plain GET without the token', 'GET', '/rooms/1'],
  ['a plain GET with a room that is not an integer', 'GET', '/rooms/abc?token=secret-token'],
  ['a HEAD of the WebSocket path', 'HEAD', '/rooms/1?token=secret-token'],
  ['an OPTIONS of the WebSocket path', 'OPTIONS', '/rooms/1'],
  ['a POST to the WebSocket path', 'POST', '/rooms/1?token=secret-token'],
  ['an unknown path', 'GET', '/nothing'],
].map(([name, method, url]) => ({ sample: 'chat', name, method, url }))

// Generated: each TRICKY value as the room.
const generated = TRICKY.map((value) => ({
  sample: 'chat',
  name: `generated: room = ${JSON.stringify(value).slice(0, 40)}`,
  method: 'GET',
  url: `/rooms/${encodeURIComponent(value)}?token=secret-token`,
}))

export default [...plain, ...generated]
