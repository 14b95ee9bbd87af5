import type { InputSpec } from '@typefast/dependency-resolution'
import type { WebSocketControl } from '@typefast/http'
import type { Static, TSchema } from 'typebox'
import { InvalidRouteError } from './errors.js'
import type { HandlerContext } from './types.js'

/** A WebSocket route's inputs (params, query, headers, cookies, deps) and message schemas. */
export interface WebSocketSpec extends InputSpec {
  /** What the client sends: each JSON message is validated against it. */
  receive?: TSchema
  /** What the server sends: `sendJson` serializes by it (fields not in it are not sent). */
  send?: TSchema
}

type StaticOr<S, K extends string> = S extends { [P in K]: infer T extends TSchema } ? Static<T> : unknown

/** What a WebSocket handler gets: an HTTP handler's inputs, and the socket typed by `receive` and `send`. */
export type WebSocketContext<P extends string, S> = HandlerContext<P, S> & {
  socket: WebSocketControl<StaticOr<S, 'receive'>, StaticOr<S, 'send'>>
}

export type WebSocketHandler<P extends string, S> = (context: WebSocketContext<P, S>) => unknown

/**
 * A WebSocket route value. Routers give it their prefix and `deps` as they do to HTTP routes; it is
 * not an operation, so it stays out of the OpenAPI document and the typed client (as in FastAPI).
 */
export interface WebSocketRoute<P extends string = string, S extends WebSocketSpec = WebSocketSpec> {
  readonly kind: 'websocket'
  readonly path: P
  readonly spec: S
  readonly handler: (context: any) => unknown
}

export type AnyWebSocketRoute = WebSocketRoute<any, any>

/** `websocket(path, handler)` or `websocket(path, spec, handler)`: a WebSocket route for a router or `app.add`. */
export function websocket<P extends string>(path: P, handler: WebSocketHandler<P, {}>): WebSocketRoute<P, {}>
export function websocket<P extends string, const S extends WebSocketSpec>(
  path: P,
  spec: S,
  handler: WebSocketHandler<P, S>,
): WebSocketRoute<P, S>
export function websocket(
  path: string,
  specOrHandler: WebSocketSpec | ((context: any) => unknown),
  handler?: (context: any) => unknown,
): AnyWebSocketRoute {
  const [spec, fn] = typeof specOrHandler === 'function' ? [{}, specOrHandler] : [specOrHandler, handler]
  if (typeof path !== 'string') throw new InvalidRouteError('WEBSOCKET', path, 'path')
  if (typeof fn !== 'function') throw new InvalidRouteError('WEBSOCKET', path, 'handler')
  return Object.freeze({ kind: 'websocket', path, spec, handler: fn })
}
