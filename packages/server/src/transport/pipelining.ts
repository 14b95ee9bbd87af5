import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

// HTTP/1.1 pipelining: node parses every request a chunk holds and calls the handler for each at
// once, so a client that pipelines thousands of requests and reads nothing makes the server build
// thousands of answers (node only pauses the socket for the next chunk). Here a pipelined request
// is handled once the answers before it are written and the connection's unread output is under
// its high-water mark: the answers queued per connection stay bounded, as uvicorn's do.

/** True when `res` waits behind earlier answers on its connection (node assigns it the socket later). */
export function isPipelined(res: ServerResponse): boolean {
  return res.socket === null
}

/** Call `handle` once `res` holds its connection and the client has read enough of what came before. */
export function handleInTurn(res: ServerResponse, handle: () => void): void {
  res.once('socket', (socket: Socket) => {
    if (socket.writableNeedDrain) socket.once('drain', handle)
    else handle()
  })
}
