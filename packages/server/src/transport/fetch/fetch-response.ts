import type { OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http'
import { Writable } from 'node:stream'
import { noBodyStatuses } from '../../responses/responses.js'
import type { FetchIncomingMessage } from './fetch-request.js'
import { setWebHeader } from './web-response.js'

/** What an answer reads of its request (`res.req`): the wrapped request, or the direct path's head. */
export type AnsweredRequest = Pick<FetchIncomingMessage, 'method' | 'url' | 'headers'>

type Chunk = Buffer | string

/**
 * The answer of a request that came in as a web `Request`, in the shape of node's ServerResponse,
 * so every response the pipeline writes (JSON, files, streams, SSE) becomes a web `Response`:
 * one written whole (`end(body)`) has its bytes as body; one written in parts a ReadableStream,
 * pulled by the platform as the client reads it (backpressure back to the source). A cancelled
 * body (the client left) destroys this response, which ends the source as a closed socket does.
 */
export class FetchServerResponse extends Writable {
  readonly req: AnsweredRequest
  statusCode = 200
  headersSent = false
  /** Lower-case name to the name as set and its value. */
  readonly #headers = new Map<string, [string, OutgoingHttpHeader]>()
  readonly response: Promise<Response>
  #resolve!: (response: Response) => void
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined
  /** The write waiting for the platform to pull (backpressure). */
  #pending: (() => void) | undefined
  #wholeBody: Buffer | undefined

  constructor(req: AnsweredRequest) {
    super()
    this.req = req
    this.response = new Promise((resolve) => {
      this.#resolve = resolve
    })
  }

  setHeader(name: string, value: OutgoingHttpHeader): this {
    this.#headers.set(name.toLowerCase(), [name, value])
    return this
  }

  getHeader(name: string): OutgoingHttpHeader | undefined {
    return this.#headers.get(name.toLowerCase())?.[1]
  }

  getHeaders(): OutgoingHttpHeaders {
    const all: OutgoingHttpHeaders = {}
    for (const [lower, [, value]] of this.#headers) all[lower] = value
    return all
  }

  hasHeader(name: string): boolean {
    return this.#headers.has(name.toLowerCase())
  }

  removeHeader(name: string): void {
    this.#headers.delete(name.toLowerCase())
  }

  /**
   * node's overloads: `(status, headers?)` and `(status, reason, headers?)`; headers an object or
   * a flat list. A web Response has no reason phrase: it is dropped.
   */
  writeHead(
    status: number,
    reasonOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
    maybeHeaders?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ): this {
    const headers = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders
    this.statusCode = status
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1]!)
    } else if (headers !== undefined) {
      for (const name in headers) if (headers[name] !== undefined) this.setHeader(name, headers[name]!)
    }
    this.headersSent = true
    return this
  }

  /** Send the head now: the body follows as a stream (SSE sends its head before the first event). */
  flushHeaders(): void {
    this.#stream()
  }

  override end(chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void): this {
    if (typeof chunk === 'function') return super.end(chunk)
    // Written whole: the bytes are the body, no stream is made.
    if (this.#controller === undefined && chunk !== undefined && chunk !== null) {
      this.#wholeBody = typeof chunk === 'string' ? Buffer.from(chunk, encoding as BufferEncoding) : chunk
      return super.end(typeof encoding === 'function' ? encoding : callback)
    }
    return super.end(chunk as Chunk, encoding as BufferEncoding, callback)
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const controller = this.#stream()
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    if ((controller.desiredSize ?? 1) > 0) callback()
    else this.#pending = callback
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.#controller !== undefined) this.#controller.close()
    else this.#answer(this.#wholeBody)
    callback()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const controller = this.#controller
    if (controller === undefined) {
      // Destroyed before answering (the client left): nobody reads this answer.
      this.#answer(undefined)
    } else if (error !== null) {
      // The body failed mid-way: the client sees the stream cut, as a closed socket on node.
      controller.error(error)
    } else {
      try {
        controller.close()
      } catch {
        // Already closed or cancelled.
      }
    }
    this.#pending?.()
    this.#pending = undefined
    callback(error)
  }

  #stream(): ReadableStreamDefaultController<Uint8Array> {
    if (this.#controller !== undefined) return this.#controller
    let controller!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c
      },
      pull: () => {
        const pending = this.#pending
        this.#pending = undefined
        pending?.()
      },
      cancel: () => {
        this.destroy()
      },
    })
    this.#controller = controller
    this.#answer(body)
    return controller
  }

  #answer(body: Buffer | ReadableStream<Uint8Array> | undefined): void {
    this.headersSent = true
    const status = this.statusCode
    const bodiless = body === undefined || this.req.method === 'HEAD' || noBodyStatuses.has(status)
    if (bodiless && body instanceof ReadableStream) void body.cancel()
    this.#resolve(new Response(bodiless ? null : body, { status, headers: this.#webHeaders() }))
  }

  #webHeaders(): Headers {
    const headers = new Headers()
    for (const [lower, [, value]] of this.#headers) setWebHeader(headers, lower, value)
    return headers
  }
}
