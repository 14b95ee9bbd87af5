import type { AnyRoute, InheritedDeps } from '@typefast/router'
import type { Method } from './endpoint.js'
import type { OpenAPIEndpoints } from './openapi-endpoints.js'
import type { RouteEndpoints } from './route-endpoints.js'

/**
 * What a client can be typed from: `typeof app` or a router (both carry their routes in
 * `~routes`, an app its own deps in `~inherited`), a union of routes, an endpoint map already
 * made (an interface extending `EndpointsOf<typeof app>`, which it returns as it is), or an
 * openapi-typescript `paths` type.
 */
export type EndpointsOf<T> = '~routes' extends keyof T
  ? FromRoutes<NonNullable<T['~routes' & keyof T]>, AppDeps<T>>
  : [T] extends [AnyRoute]
    ? RouteEndpoints<T>
    : keyof T extends `${Method} ${string}`
      ? T
      : OpenAPIEndpoints<T>

type FromRoutes<R, I extends InheritedDeps> = [R] extends [AnyRoute] ? RouteEndpoints<R, I> : never

/** The app's own `{ deps }`; none when its type does not name them (`App<any>`). */
type AppDeps<T, I = Extract<T['~inherited' & keyof T], InheritedDeps>> = [I] extends [never]
  ? never
  : string extends keyof I['deps' & keyof I]
    ? never
    : I
