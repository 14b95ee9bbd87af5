import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'

/** The part of node's socket the pipeline reads: whether TLS carried the request (httpsRedirect, trustedHost). */
export interface FetchSocket {
  readonly encrypted: boolean
}

/** `/path?query` of an absolute URL, as the client wrote it (no re-encoding by a URL parser). */
export function pathAndQuery(url: string): string {
  const authority = url.indexOf('//')
  const start = url.indexOf('/', authority === -1 ? 0 : authority + 2)
  if (start === -1) return '/'
  const hash = url.indexOf('#', start)
  return hash === -1 ? url.slice(start) : url.slice(start, hash)
}

/** Headers as node gives them: lower-case names, `set-cookie` a list, repeated cookies joined by `; `. */
export function nodeHeaders(headers: Headers): { headers: IncomingHttpHeaders; rawHeaders: string[] } {
  const byName: IncomingHttpHeaders = {}
  const rawHeaders: string[] = []
  for (const [name, value] of headers) {
    rawHeaders.push(name, value)
    if (name === 'set-cookie') (byName['set-cookie'] ??= []).push(value)
    else byName[name] = value
  }
  return { headers: byName, rawHeaders }
}

/**
 * A web `Request` in the shape of node's IncomingMessage, so the one pipeline serves both: its
 * body is pulled from the request's stream only as the pipeline reads it (a 413 stops reading).
 */
export class FetchIncomingMessage extends Readable {
  readonly method: string
  url: string
  readonly headers: IncomingHttpHeaders
  readonly rawHeaders: string[]
  readonly httpVersion = '1.1'
  readonly socket: FetchSocket
  complete = false
  /** Set by serveFetch on a platform that ends a request with its response: takes the after-response work. */
  afterResponse: ((work: void | Promise<void>) => void) | undefined = undefined
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined

  constructor(request: Request) {
    super()
    this.method = request.method
    this.url = pathAndQuery(request.url)
    const { headers, rawHeaders } = nodeHeaders(request.headers)
    this.headers = headers
    this.rawHeaders = rawHeaders
    this.socket = { encrypted: request.url.startsWith('https:') }
    this.#reader = request.body?.getReader()
  }

  override _read(): void {
    const reader = this.#reader
    if (reader === undefined) {
      this.complete = true
      this.push(null)
      return
    }
    reader.read().then(
      ({ done, value }) => {
        if (done) {
          this.complete = true
          this.push(null)
        } else this.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))
      },
      (error: Error) => this.destroy(error),
    )
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // The rest of the body is not wanted: release the platform's stream.
    if (!this.complete) void this.#reader?.cancel().catch(() => undefined)
    // As node's IncomingMessage: a client that left is an error only to whoever listens for one
    // (Bun fails the body's read once the answer is sent and the connection closed).
    callback(this.listenerCount('error') === 0 ? null : error)
  }
}
