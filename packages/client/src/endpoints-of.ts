import type { AnyRoute } from '@typefast/router'
import type { OpenAPIEndpoints } from './openapi-endpoints.js'
import type { RouteEndpoints } from './route-endpoints.js'

/**
 * What a client can be typed from: `typeof app` or a router (both carry their routes in
 * `~routes`), a union of routes, or an openapi-typescript `paths` type.
 */
export type EndpointsOf<T> = '~routes' extends keyof T
  ? FromRoutes<NonNullable<T['~routes' & keyof T]>>
  : [T] extends [AnyRoute]
    ? RouteEndpoints<T>
    : OpenAPIEndpoints<T>

type FromRoutes<R> = [R] extends [AnyRoute] ? RouteEndpoints<R> : never
