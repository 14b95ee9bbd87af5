import type { ServerResponse } from 'node:http'
import type { SendableResponse } from '@typefast/http/internal'
import { stringifyJson } from '@typefast/validation/internal'
import { quoteLocation } from '../transport/header-values.js'

export interface ResponseInit {
  status?: number
  headers?: Record<string, string | string[]>
}

/** Statuses whose answer never has a body (RFC 9110): no body and no Content-Length are written. */
export const noBodyStatuses: ReadonlySet<number> = new Set([204, 205, 304])

/**
 * A response sent as it is, bypassing the route's response schema. Middleware receives the final
 * one from `next()` and may change its status, headers and body, or return another.
 */
export class HttpResponse implements SendableResponse {
  readonly sendable = true
  status: number
  readonly headers: Record<string, string | string[]>
  body: string | Buffer | undefined

  constructor(status: number, headers: Record<string, string | string[]>, body: string | Buffer | undefined) {
    this.status = status
    this.headers = headers
    this.body = body
  }

  /**
   * Write this response; `extraHeaders` are those a handler or dependency set on `response`.
   * Resolves (when it returns a promise) once the last byte is handed to the socket.
   */
  send(res: ServerResponse, extraHeaders?: Record<string, string | string[]>): void | Promise<void> {
    const { status, headers, body } = this
    const length = body === undefined || noBodyStatuses.has(status) ? undefined : Buffer.byteLength(body)
    // A flat [name, value, ...] list rather than a copy of `headers` with keys added: V8 gives a
    // spread copy a map of its own, so each key added to it costs a new map (about 1 µs a request).
    const flat: (string | string[])[] = []
    if (extraHeaders !== undefined) {
      for (const name in extraHeaders) if (!Object.hasOwn(headers, name)) flat.push(name, extraHeaders[name]!)
    }
    for (const name in headers) if (length === undefined || name !== 'content-length') flat.push(name, headers[name]!)
    if (length === undefined) {
      // No body, or a status that never has one.
      res.writeHead(status, flat)
      res.end()
      return
    }
    flat.push('content-length', String(length))
    res.writeHead(status, flat)
    res.end(body)
  }
}

export function isHttpResponse(value: unknown): value is HttpResponse {
  return value instanceof HttpResponse
}

function withType(contentType: string, init: ResponseInit | undefined): Record<string, string | string[]> {
  return { 'content-type': contentType, ...init?.headers }
}

/** JSON of any value, serialized as JSON.stringify does (no schema), bigints as their digits. */
export function json(value: unknown, init?: ResponseInit): HttpResponse {
  return new HttpResponse(init?.status ?? 200, withType('application/json', init), stringifyJson(value) as string)
}

export function html(content: string, init?: ResponseInit): HttpResponse {
  return new HttpResponse(init?.status ?? 200, withType('text/html; charset=utf-8', init), content)
}

export function text(content: string, init?: ResponseInit): HttpResponse {
  return new HttpResponse(init?.status ?? 200, withType('text/plain; charset=utf-8', init), content)
}

/**
 * A redirect; 307 by default, as FastAPI's RedirectResponse, so the method and body are kept.
 * The target is percent-encoded as Starlette does: CR/LF from a user's input cannot split the head.
 */
export function redirect(location: string, status = 307, init?: Omit<ResponseInit, 'status'>): HttpResponse {
  return new HttpResponse(status, { location: quoteLocation(location), ...init?.headers }, undefined)
}

/** Raw bytes or text with a content type of your choosing. */
export function raw(body: string | Buffer, contentType: string, init?: ResponseInit): HttpResponse {
  return new HttpResponse(init?.status ?? 200, withType(contentType, init), body)
}
