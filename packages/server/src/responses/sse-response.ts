import type { ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { discard, mapIterable, pipeBody } from './body-stream.js'
import { HttpResponse, type ResponseInit } from './responses.js'

/** One server-sent event. `data` that is not a string is sent as JSON. */
export interface ServerSentEvent {
  event?: string
  id?: string | number
  /** Reconnection time for the client, in milliseconds. */
  retry?: number
  data?: unknown
  /** A comment line (`: text`), ignored by EventSource; handy as a keep-alive. */
  comment?: string
}

export interface SseInit extends ResponseInit {
  /** Milliseconds between `: ping` comments that keep proxies from closing an idle stream; false for none. Default 15 000. */
  ping?: number | false
}

/** The wire form of one event: `field: value` lines and a blank line. */
export function formatEvent(message: ServerSentEvent | string): string {
  if (typeof message === 'string') return dataLines(message)
  let out = ''
  if (message.comment !== undefined) out += lines(':', message.comment)
  // FastAPI's order: comment, event, data, id, retry.
  if (message.event !== undefined) out += `event: ${oneLine(message.event)}\n`
  if (message.data !== undefined) {
    out += lines('data:', typeof message.data === 'string' ? message.data : JSON.stringify(message.data))
  }
  if (message.id !== undefined) out += `id: ${oneLine(String(message.id))}\n`
  if (message.retry !== undefined) out += `retry: ${Math.trunc(message.retry)}\n`
  return `${out}\n`
}

function dataLines(data: string): string {
  return `${lines('data:', data)}\n`
}

function lines(field: string, value: string): string {
  let out = ''
  for (const line of value.split(/\r\n|\r|\n/)) out += `${field} ${line}\n`
  return out
}

/** event and id are single-line fields: a newline would start a field of the client's choosing. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]/g, '')
}

export class SseResponse extends HttpResponse {
  readonly source: AsyncIterable<ServerSentEvent | string>
  readonly ping: number | false

  constructor(source: AsyncIterable<ServerSentEvent | string>, init: SseInit | undefined) {
    super(
      init?.status ?? 200,
      {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...init?.headers,
      },
      undefined,
    )
    this.source = source
    this.ping = init?.ping ?? 15_000
  }

  override send(res: ServerResponse, extraHeaders?: Record<string, string | string[]>): void | Promise<void> {
    const readable = Readable.from(mapIterable(this.source, formatEvent), { objectMode: false })
    res.writeHead(this.status, extraHeaders ? { ...extraHeaders, ...this.headers } : this.headers)
    if (res.req?.method === 'HEAD') {
      discard(readable)
      res.end()
      return
    }
    res.flushHeaders()
    if (this.ping === false) return pipeBody(res, readable)
    const timer = setInterval(() => {
      if (!res.writableEnded && !res.destroyed) res.write(': ping\n\n')
    }, this.ping)
    timer.unref()
    return pipeBody(res, readable).finally(() => clearInterval(timer))
  }
}

/** Server-sent events from an async iterable; the client's disconnect ends the iterator. */
export function sse(source: AsyncIterable<ServerSentEvent | string>, init?: SseInit): SseResponse {
  return new SseResponse(source, init)
}
