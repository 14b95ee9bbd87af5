import type { ServerResponse } from 'node:http'
import { discard, pipeBody, type StreamSource, toReadable } from './body-stream.js'
import { HttpResponse, noBodyStatuses, type ResponseInit } from './responses.js'

export interface StreamInit extends ResponseInit {
  /** Default application/octet-stream. */
  contentType?: string
}

/** A body streamed from a Node Readable or an (async) iterable of strings and bytes. */
export class StreamResponse extends HttpResponse {
  readonly source: StreamSource

  constructor(source: StreamSource, status: number, headers: Record<string, string | string[]>) {
    super(status, headers, undefined)
    this.source = source
  }

  override send(res: ServerResponse, extraHeaders?: Record<string, string | string[]>): void | Promise<void> {
    const readable = toReadable(this.source)
    res.writeHead(this.status, extraHeaders ? { ...extraHeaders, ...this.headers } : this.headers)
    if (res.req?.method === 'HEAD' || noBodyStatuses.has(this.status)) {
      discard(readable)
      res.end()
      return
    }
    return pipeBody(res, readable)
  }
}

/** Stream a body with backpressure: the source is read only as fast as the client takes it. */
export function stream(source: StreamSource, init?: StreamInit): StreamResponse {
  const headers = { 'content-type': init?.contentType ?? 'application/octet-stream', ...init?.headers }
  return new StreamResponse(source, init?.status ?? 200, headers)
}
