import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { InvalidLimitError } from '../errors.js'
import { accessLogger } from '../logging/access-log.js'
import type { Logger } from '../logging/logger.js'
import { answerClientError, answerLimit } from './client-errors.js'
import { ConnectionTracker, closingAwareResponse, drainServer } from './graceful-close.js'
import { withSafeHeaderValues } from './header-values.js'
import { handleInTurn, isPipelined } from './pipelining.js'

/**
 * Limits and timeouts of the HTTP server. Every one has a safe default; each can be set on
 * `createApp({...})` and overridden on `app.listen({...})`. Over a limit the request gets the
 * status written here and the server goes on serving.
 */
export interface ServerLimits {
  /** Largest request head (request line and headers) in bytes; 431 beyond. Default 16 KiB. */
  maxHeaderSize?: number
  /** Most header fields in one request; 431 beyond. Default 100. */
  maxHeadersCount?: number
  /** Longest request target (path and query string) in characters; 414 beyond. Default 8 KiB. */
  maxUrlLength?: number
  /** Milliseconds to receive a whole request, head and body; 408 beyond. Default 60 s; 0 turns it off. */
  requestTimeout?: number
  /** Milliseconds to receive the request head: the slowloris guard; 408 beyond. Default 10 s. */
  headersTimeout?: number
  /** Milliseconds an idle keep-alive connection stays open. Default 5 s (uvicorn's). */
  keepAliveTimeout?: number
  /** Most open connections; further ones are closed at once. Default: no limit. */
  maxConnections?: number
  /**
   * On close, milliseconds the requests in flight get before their connections are cut (logged
   * when it happens). Default 10 s; 0 waits for them without a deadline.
   */
  shutdownTimeout?: number
}

export interface ListenOptions extends ServerLimits {
  /** Default 8000, as uvicorn; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** One log line per request (method, url, status, duration, request id) at level info. Default true. */
  accessLog?: boolean
}

export interface Listening {
  url: string
  port: number
}

export interface HttpServerOptions extends ServerLimits {
  logger?: Logger
  accessLog?: boolean
  /** Handles `Upgrade` requests (WebSockets); without it node closes them. */
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
}

/** The limits in force when nothing is configured. */
export const defaultLimits = Object.freeze({
  maxHeaderSize: 16 * 1024,
  maxHeadersCount: 100,
  maxUrlLength: 8 * 1024,
  requestTimeout: 60_000,
  headersTimeout: 10_000,
  keepAliveTimeout: 5_000,
  maxConnections: 0,
  shutdownTimeout: 10_000,
} satisfies Required<ServerLimits>)

/** Each limit from `options`, else its default. */
export function resolveLimits(options: ServerLimits = {}): Required<ServerLimits> {
  const limits = { ...defaultLimits }
  for (const key of Object.keys(defaultLimits) as (keyof ServerLimits)[]) {
    const value = options[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new InvalidLimitError(key, value)
    }
    limits[key] = value
  }
  // node:http requires the head's deadline to fall within the whole request's.
  if (limits.requestTimeout > 0 && limits.headersTimeout > limits.requestTimeout) {
    limits.headersTimeout = limits.requestTimeout
  }
  return limits
}

/**
 * A node:http server with limits and timeouts, an optional access log, and a graceful close
 * (graceful-close.ts): no new connections, requests received answered, then closed.
 */
export class HttpServer {
  readonly #server: Server
  readonly #limits: Required<ServerLimits>
  readonly #logger: Logger | undefined
  readonly #connections: ConnectionTracker
  #closing = false

  constructor(listener: RequestListener, options: HttpServerOptions = {}) {
    const limits = resolveLimits(options)
    this.#limits = limits
    this.#logger = options.logger
    const { maxHeadersCount, maxUrlLength } = limits
    const log = options.logger !== undefined && options.accessLog !== false ? accessLogger(options.logger) : undefined
    // Decided here, once: the per-request work is two length checks and, when on, the access log.
    const serve = (req: IncomingMessage, res: ServerResponse) => {
      if (this.#closing) this.#connections.busy(req.socket)
      if (log !== undefined) log(req, res)
      if (req.url!.length > maxUrlLength) return answerLimit(res, 414)
      if (req.rawHeaders.length > maxHeadersCount * 2) return answerLimit(res, 431)
      if (isPipelined(res)) return handleInTurn(res, () => listener(req, res))
      listener(req, res)
    }
    this.#server = createServer(
      {
        maxHeaderSize: limits.maxHeaderSize,
        requestTimeout: limits.requestTimeout,
        headersTimeout: limits.headersTimeout,
        keepAliveTimeout: limits.keepAliveTimeout,
        // How often node checks those two deadlines (its default, 30 s, would let a slow client linger).
        connectionsCheckingInterval: checkingInterval(limits),
        // Answers say `connection: close` once closing starts, those in progress too; a header
        // value with CR/LF is percent-encoded, never a 500.
        ServerResponse: withSafeHeaderValues(closingAwareResponse(() => this.#closing)),
      },
      serve,
    )
    this.#connections = new ConnectionTracker(this.#server)
    // One more than the limit is parsed, so that going over it is seen (node drops the rest silently).
    this.#server.maxHeadersCount = maxHeadersCount + 1
    if (limits.maxConnections > 0) this.#server.maxConnections = limits.maxConnections
    if (options.onUpgrade !== undefined) this.#server.on('upgrade', options.onUpgrade)
    this.#server.on('clientError', (error: Error & { code?: string }, socket: Socket) =>
      answerClientError(error, socket),
    )
  }

  /** The limits in force. */
  get limits(): Readonly<Required<ServerLimits>> {
    return this.#limits
  }

  listen({ port = 8000, host = '127.0.0.1' }: ListenOptions = {}): Promise<Listening> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject)
        const address = this.#server.address() as AddressInfo
        const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
        resolve({ url: `http://${shownHost}:${address.port}`, port: address.port })
      })
    })
  }

  /**
   * Stop accepting; answer the requests already received, each with `connection: close`; close
   * idle keep-alive connections; cut what is left after `shutdownTimeout`; then resolve.
   */
  close(): Promise<void> {
    this.#closing = true
    return drainServer(this.#server, this.#connections, {
      shutdownTimeout: this.#limits.shutdownTimeout,
      logger: this.#logger,
    })
  }
}

function checkingInterval({ headersTimeout, requestTimeout }: Required<ServerLimits>): number {
  const shortest = Math.min(headersTimeout || Infinity, requestTimeout || Infinity)
  return Number.isFinite(shortest) ? Math.max(50, Math.min(1000, Math.floor(shortest / 4))) : 30_000
}
