export { isEmbeddedBody } from './body-kind.js'
export { flattenRoutes, type ResolvedRoute } from './flatten.js'
export { isAsyncGeneratorFunction } from './handler-kind.js'
export type { Middleware, MiddlewareResponse } from './middleware.js'
export type { JoinPath, PathParamNames, PathParams } from './path-params.js'
export { joinPaths, type PathTemplate, parsePathTemplate } from './path-template.js'
export { isStatusMap } from './response-schemas.js'
export { del, get, head, options, patch, post, put, type RouteMaker, route } from './route.js'
export { type LookupResult, RouteTable } from './route-table.js'
export { type RoutesOf, router } from './router.js'
export type {
  AnyRoute,
  AnyRouter,
  Handler,
  HandlerContext,
  HandlerResult,
  HttpMethod,
  InheritedDeps,
  OperationDocs,
  ResponseData,
  ResponseDoc,
  ResponseSchemas,
  Route,
  Router,
  RouterOptions,
  RouteSpec,
} from './types.js'
