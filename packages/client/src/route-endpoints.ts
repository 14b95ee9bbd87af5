import type { AnyRoute, InheritedDeps } from '@typefast/router'
import type { SpecsOf } from './dependency-specs.js'
import type { Method } from './endpoint.js'
import type { HasInputs, RouteInput } from './route-input.js'
import type { RouteResult } from './route-result.js'

/**
 * One route as the client sees it. `I` is the `{ deps }` of the app around it. Computed only for
 * the paths a caller actually uses.
 */
export interface RouteEndpoint<R extends AnyRoute, I extends InheritedDeps = never> {
  input: RouteInput<R['path'], R['spec'], RouteSpecs<R, I>>
  result: RouteResult<R['spec'], HasInputs<R['path'], R['spec'], RouteSpecs<R, I>>>
}

/** The route's spec, its routers' and its app's deps, and theirs, through sub-dependencies. */
type RouteSpecs<R extends AnyRoute, I> = SpecsOf<R['spec'] | Exclude<R['~inherited'], undefined> | I>

/** The routes of an app (a union of Route types) by method and full path. */
export type RouteEndpoints<R extends AnyRoute, I extends InheritedDeps = never> = {
  [M in Method]: { [X in R as X['method'] extends M ? X['path'] : never]: RouteEndpoint<X, I> }
}
