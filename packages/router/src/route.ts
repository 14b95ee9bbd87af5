import { InvalidRouteError } from './errors.js'
import type { Handler, HttpMethod, Route, RouteSpec } from './types.js'

/** A route maker for one method: `get(path, handler)` or `get(path, spec, handler)`. */
export interface RouteMaker<M extends HttpMethod> {
  <P extends string>(path: P, handler: Handler<P, {}>): Route<M, P, {}>
  <P extends string, const S extends RouteSpec>(path: P, spec: S, handler: Handler<P, S>): Route<M, P, S>
}

export function route<M extends HttpMethod, P extends string, const S extends RouteSpec>(
  method: M,
  path: P,
  spec: S,
  handler: Handler<P, S>,
): Route<M, P, S> {
  if (typeof path !== 'string') throw new InvalidRouteError(method, path, 'path')
  if (typeof handler !== 'function') throw new InvalidRouteError(method, path, 'handler')
  return Object.freeze({ kind: 'route', method, path, spec, handler })
}

function routeMaker<M extends HttpMethod>(method: M): RouteMaker<M> {
  return ((
    path: string,
    specOrHandler: RouteSpec | Handler<string, RouteSpec>,
    handler?: Handler<string, RouteSpec>,
  ) =>
    typeof specOrHandler === 'function'
      ? route(method, path, {}, specOrHandler)
      : route(method, path, specOrHandler, handler!)) as RouteMaker<M>
}

export const get = routeMaker('GET')
export const post = routeMaker('POST')
export const put = routeMaker('PUT')
export const patch = routeMaker('PATCH')
/** DELETE (`delete` is a reserved word). */
export const del = routeMaker('DELETE')
export const head = routeMaker('HEAD')
export const options = routeMaker('OPTIONS')
