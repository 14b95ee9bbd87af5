import type { AnyRoute, InheritedDeps } from '@typefast/router'
import type { SpecsOf } from './dependency-specs.js'
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

type OperationOf<R> = R extends AnyRoute ? `${R['method']} ${R['path']}` : never

/**
 * The routes of an app (a union of Route types) by operation, `'GET /items/{item_id}'`. Keyed by
 * remapping each route, not by looking routes up in a map of them by operation: a map typed by
 * `typeof app` then costs each call a walk of every route (10 calls at 500 routes: 4.9M
 * instantiations against 0.5M).
 */
export type RouteEndpoints<R extends AnyRoute, I extends InheritedDeps = never> = {
  [X in R as OperationOf<X>]: RouteEndpoint<X, I>
}
