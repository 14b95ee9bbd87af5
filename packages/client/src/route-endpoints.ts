import type { AnyRoute } from '@typefast/router'
import type { Method } from './endpoint.js'
import type { HasInputs, RouteInput } from './route-input.js'
import type { RouteResult } from './route-result.js'

/** One route as the client sees it. Computed only for the paths a caller actually uses. */
export interface RouteEndpoint<R extends AnyRoute> {
  input: RouteInput<R['path'], R['spec']>
  result: RouteResult<R['spec'], HasInputs<R['path'], R['spec']>>
}

/** The routes of an app (a union of Route types) by method and full path. */
export type RouteEndpoints<R extends AnyRoute> = {
  [M in Method]: { [X in R as X['method'] extends M ? X['path'] : never]: RouteEndpoint<X> }
}
