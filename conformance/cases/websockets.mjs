// Requests for docs/websockets.md, over plain HTTP: a WebSocket route is not an HTTP route, and
// its handshake is accepted or refused before any message. Messages themselves need a WebSocket
// client on both sides, which the runner does not have.
const upgrade = {
  connection: 'Upgrade',
  upgrade: 'websocket',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
}
const plain = [
  ['a plain GET of the WebSocket path', '/rooms/1?token=secret-token'],
  ['a plain GET without the token', '/rooms/1'],
  ['a plain GET with a room that is not an integer', '/rooms/abc?token=secret-token'],
  ['an unknown path', '/nothing'],
].map(([name, url]) => ({ sample: 'chat', name, method: 'GET', url }))

const handshakes = [
  ['the handshake with the token', '/rooms/1?token=secret-token'],
  ['the handshake with a wrong token', '/rooms/1?token=nope'],
  ['the handshake without the token', '/rooms/1'],
  ['the handshake with a room that is not an integer', '/rooms/abc?token=secret-token'],
  ['the handshake to an unknown path', '/nothing'],
].map(([name, url]) => ({ sample: 'chat', name, method: 'GET', url, headers: upgrade, websocket: true }))

export default [
  ...plain,
  ...handshakes,
  { sample: 'chat', name: 'a POST to the WebSocket path', method: 'POST', url: '/rooms/1?token=secret-token' },
]
