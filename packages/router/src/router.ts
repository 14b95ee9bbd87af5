import { InvalidRouterChildError } from './errors.js'
import type { JoinPath } from './path-params.js'
import type { AnyRoute, InheritedDeps, Route, Router, RouterChild, RouterOptions } from './types.js'

/** The routes of a route or router value, with full paths. */
export type RoutesOf<X> = X extends AnyRoute ? X : X extends Router<infer R> ? R : never

/** The routes below a router: its prefix joined to their paths, its deps added to theirs. */
type Under<O extends RouterOptions, R> = R extends AnyRoute
  ? Route<R['method'], Prefixed<O, R['path']>, R['spec'], Exclude<R['~inherited'], undefined> | Inherit<O>>
  : never

type Prefixed<O extends RouterOptions, P extends string> = O extends { prefix: infer Prefix extends string }
  ? JoinPath<Prefix, P>
  : P

type Inherit<O extends RouterOptions> = O extends { deps: infer D extends InheritedDeps['deps'] } ? { deps: D } : never

/** Group routes, WebSocket routes and routers under a prefix, tags, shared dependencies and responses. */
export function router<const O extends RouterOptions, const C extends readonly RouterChild[]>(
  options: O,
  ...children: C
): Router<Under<O, RoutesOf<C[number]>>> {
  for (const child of children) {
    if (child?.kind !== 'route' && child?.kind !== 'websocket' && child?.kind !== 'router')
      throw new InvalidRouterChildError(options.prefix ?? '', child)
  }
  return Object.freeze({ kind: 'router', options, children })
}
