export {
  DuplicateRouteError,
  InvalidPathError,
  InvalidPrefixError,
  InvalidRouteError,
  InvalidRouterChildError,
  PathParamWithoutSchemaError,
  RouteRegistrationError,
  SchemaKeyNotInPathError,
  TrailingSlashClashError,
} from './errors.js'
export type { Middleware, MiddlewareResponse } from './middleware.js'
export type { JoinPath, PathParamNames, PathParams } from './path-params.js'
export { del, get, head, options, patch, post, put, type RouteMaker, route } from './route.js'
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
  RouterChild,
  RouterOptions,
  RouteSpec,
} from './types.js'
export {
  type AnyWebSocketRoute,
  type WebSocketContext,
  type WebSocketHandler,
  type WebSocketRoute,
  type WebSocketSpec,
  websocket,
} from './websocket.js'
