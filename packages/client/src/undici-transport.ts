import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import type { Dispatcher, RetryHandler } from 'undici'
import { toHeaders } from './node-headers.js'
import type { IncomingResponse, OutgoingRequest, Transport } from './transport.js'

// Required on first use, not imported: start-up time and RSS of apps that never create a client.
const require = createRequire(import.meta.url)
let undici: typeof import('undici') | undefined
const loadUndici = () => (undici ??= require('undici') as typeof import('undici'))

export interface UndiciTransportOptions {
  /** Milliseconds to establish a connection. Default 10 000. */
  connectTimeout?: number
  /** Milliseconds to wait for the response headers. Default 30 000. */
  headersTimeout?: number
  /** Milliseconds allowed between two body chunks. Default 30 000. */
  bodyTimeout?: number
  /** Milliseconds an idle keep-alive socket stays open. Default 4 000 (undici's). */
  keepAliveTimeout?: number
  /** Most sockets per origin. Default unlimited. */
  connections?: number
  /**
   * Retries are off by default: a retried POST can do its work twice. Pass undici's RetryAgent
   * options (or `true` for its defaults: idempotent methods, network errors and 429/5xx).
   */
  retry?: boolean | RetryHandler.RetryOptions
  /** Your own dispatcher (a proxy, a mock). The options above are then ignored, and close() leaves it open. */
  dispatcher?: Dispatcher
}

/** Requests over a pooled, keep-alive undici Agent bound to one base URL. */
export class UndiciTransport implements Transport {
  readonly #origin: string
  readonly #prefix: string
  readonly #dispatcher: Dispatcher
  readonly #owned: boolean

  constructor(baseUrl: string | URL, options: UndiciTransportOptions = {}) {
    const url = new URL(baseUrl)
    this.#origin = url.origin
    // A base URL with a path ('http://host/api') prefixes every route path.
    this.#prefix = url.pathname.replace(/\/+$/, '')
    this.#owned = options.dispatcher === undefined
    this.#dispatcher = options.dispatcher ?? makeDispatcher(options)
  }

  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    const response = await this.#dispatcher.request({
      origin: this.#origin,
      path: this.#prefix + request.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: undiciBody(request),
      signal: request.signal,
      ...(request.timeout === undefined ? {} : { headersTimeout: request.timeout, bodyTimeout: request.timeout }),
    })
    return { status: response.statusCode, headers: toHeaders(response.headers), body: response.body }
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#dispatcher.close()
  }
}

function makeDispatcher(options: UndiciTransportOptions): Dispatcher {
  const { Agent, RetryAgent } = loadUndici()
  const agent = new Agent({
    connect: { timeout: options.connectTimeout ?? 10_000 },
    headersTimeout: options.headersTimeout ?? 30_000,
    bodyTimeout: options.bodyTimeout ?? 30_000,
    ...(options.keepAliveTimeout === undefined ? {} : { keepAliveTimeout: options.keepAliveTimeout }),
    ...(options.connections === undefined ? {} : { connections: options.connections }),
  })
  if (!options.retry) return agent
  return new RetryAgent(agent, options.retry === true ? {} : options.retry)
}

function undiciBody(request: OutgoingRequest): Dispatcher.DispatchOptions['body'] {
  const body = request.body
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body
  // Node's global FormData and undici 7's have different types; undici recognises either at run time.
  if (body instanceof FormData) return body as unknown as Dispatcher.DispatchOptions['body']
  if (body instanceof URLSearchParams) {
    request.headers['content-type'] ??= 'application/x-www-form-urlencoded'
    return body.toString()
  }
  return Readable.from(body)
}
