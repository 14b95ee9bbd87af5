import { type ServerResponse, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'

// Answers for requests node:http rejects before any handler runs (a head too large, a deadline
// missed, bytes that are not HTTP), and for the limits checked at the top of each request.
// Bodies are FastAPI-shaped JSON; the connection is closed, since its state cannot be trusted.

/** The status of each parser or timeout error node reports; anything else is a 400. */
const statusOfCode: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
}

const rawAnswers = new Map<number, string>()

function rawAnswer(status: number): string {
  let answer = rawAnswers.get(status)
  if (answer === undefined) {
    const body = JSON.stringify({ detail: STATUS_CODES[status] })
    answer =
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `content-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`
    rawAnswers.set(status, answer)
  }
  return answer
}

/** The status a client error is answered with. */
export function clientErrorStatus(error: Error & { code?: string }): number {
  return statusOfCode[error.code ?? ''] ?? 400
}

/**
 * node:http's `clientError`: answer with the documented status, then close. A keep-alive
 * connection that answered earlier requests is answered too; only once the head of the current
 * answer (node's `_httpMessage`) is written would the bytes interleave, so then it is cut.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const started = (socket as { _httpMessage?: { headersSent: boolean } })._httpMessage?.headersSent === true
  if (error.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy()
    return
  }
  socket.end(rawAnswer(clientErrorStatus(error)), () => socket.destroy())
}

const limitBodies = new Map<number, string>()

/** Answer a request over a limit checked before routing (414, 431) and close its connection. */
export function answerLimit(res: ServerResponse, status: number): void {
  let body = limitBodies.get(status)
  if (body === undefined) limitBodies.set(status, (body = JSON.stringify({ detail: STATUS_CODES[status] })))
  res.shouldKeepAlive = false
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, connection: 'close' })
  res.end(body)
  res.req.resume()
}
