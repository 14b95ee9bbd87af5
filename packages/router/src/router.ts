import type { JoinPath } from './path-params.js'
import type { AnyRoute, AnyRouter, Route, Router, RouterOptions } from './types.js'

/** The routes of a route or router value, with full paths. */
export type RoutesOf<X> = X extends Route<any, any, any> ? X : X extends Router<infer R> ? R : never

type Prefixed<Prefix, R> = Prefix extends string
  ? R extends Route<infer M, infer P, infer S>
    ? Route<M, JoinPath<Prefix, P>, S>
    : never
  : R

/** Group routes and routers under a prefix, tags, shared dependencies and responses. */
export function router<const O extends RouterOptions, const C extends readonly (AnyRoute | AnyRouter)[]>(
  options: O,
  ...children: C
): Router<Prefixed<O['prefix'], RoutesOf<C[number]>>> {
  for (const child of children) {
    if (child?.kind !== 'route' && child?.kind !== 'router') {
      throw new TypeError(
        `router(${options.prefix ?? ''}): every argument after the options must be a route or a router`,
      )
    }
  }
  return Object.freeze({ kind: 'router', options, children })
}
