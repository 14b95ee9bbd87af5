import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/** What a handler or dependency can read of the request besides its validated inputs. */
export interface RequestInfo {
  readonly method: string
  /** The URL as received: path and query string. */
  readonly url: string
  /** The path without the query string. */
  readonly path: string
  /** Raw headers, names lower-case. */
  readonly headers: IncomingHttpHeaders
  /** The node:http request, for what typefast does not wrap (undefined under some transports). */
  readonly raw: IncomingMessage | undefined
}

export interface CookieOptions {
  maxAge?: number
  expires?: Date
  path?: string
  domain?: string
  secure?: boolean
  httpOnly?: boolean
  sameSite?: 'strict' | 'lax' | 'none'
  partitioned?: boolean
}

/** The response being built: handlers and dependencies set its status, headers and cookies. */
export interface ResponseControl {
  /** The status to answer with; undefined means the route's declared status. */
  status: number | undefined
  readonly headers: Record<string, string | string[]>
  setHeader(name: string, value: string | string[]): void
  setCookie(name: string, value: string, options?: CookieOptions): void
  deleteCookie(
    name: string,
    options?: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'httpOnly' | 'sameSite'>,
  ): void
}

/**
 * Marker of a value the server sends as it is (json, html, text, redirect, stream, file, sse):
 * a handler may return one instead of data for its response schema.
 */
export interface SendableResponse {
  readonly sendable: true
}

/**
 * Work to run after the response is sent (FastAPI's BackgroundTasks): in the order added; a
 * failing task is logged and the next one still runs.
 */
export interface BackgroundTasks {
  add<A extends unknown[]>(task: (...args: A) => unknown, ...args: A): void
}

/** Validated request inputs plus request/response, as the server hands them over for each request. */
export interface ResolveContext {
  params: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
  request: RequestInfo
  response: ResponseControl
  background: BackgroundTasks
}
