import type { DepsSpec, InputSpec, Inputs } from '@typefast/dependency-resolution'
import type { SendableResponse } from '@typefast/http/internal'
import type { Static, TSchema } from 'typebox'
import type { Middleware } from './middleware.js'
import type { PathParams } from './path-params.js'
import type { AnyWebSocketRoute } from './websocket.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/** One schema for the route's status, or a schema per status code. */
export type ResponseSchemas = TSchema | { readonly [status: number]: TSchema }

/** An extra response documented for a route or router, as FastAPI's `responses=`. */
export interface ResponseDoc {
  description?: string
  schema?: TSchema
  /**
   * The media type the answer is documented in, instead of application/json: 'text/event-stream'
   * for a route that returns `sse(...)` (documented with the event's fields, as FastAPI does).
   */
  mediaType?: string
}

/** Everything OpenAPI shows of an operation, besides its inputs and responses. */
export interface OperationDocs {
  summary?: string
  description?: string
  operationId?: string
  deprecated?: boolean
  tags?: readonly string[]
  /** false leaves the route out of the OpenAPI document. */
  includeInSchema?: boolean
}

export interface RouteSpec extends InputSpec, OperationDocs {
  /** The response schema for `status`, or a map from status code to schema. */
  response?: ResponseSchemas
  /** The status of a successful answer. Default 200. */
  status?: number
  /** Extra documented responses. */
  responses?: { readonly [status: number]: ResponseDoc }
  /**
   * Read JSON bodies strictly, as pydantic's strict mode: no `"3"` for a number, no `1` for a
   * boolean. Default: the router's, else the app's.
   */
  strict?: boolean
}

/** TypeBox's TSchema is an empty interface; every concrete schema type carries its kind. */
type ConcreteSchema = TSchema & { readonly '~kind': string }

/** The data a handler may return: what the response schema (or schemas) describe. */
export type ResponseData<S> = S extends { response: infer R }
  ? R extends ConcreteSchema
    ? Static<R>
    : R extends { readonly [status: number]: TSchema }
      ? { [K in keyof R]: R[K] extends TSchema ? Static<R[K]> : never }[keyof R]
      : unknown
  : unknown

/** What a handler returns: data for its response schema, a response helper, or (from an `async function*` handler) a stream of items sent as JSON Lines. */
export type HandlerResult<S> = ResponseData<S> | SendableResponse | AsyncIterable<ResponseData<S>>

export type HandlerContext<P extends string, S> = Inputs<S, PathParams<P>>

export type Handler<P extends string, S> = (
  context: HandlerContext<P, S>,
) => HandlerResult<S> | Promise<HandlerResult<S>>

/**
 * A route value: method, path template, spec and handler. Its type carries all four to the
 * client, and `I`, the `{ deps }` of the routers it is included in, whose inputs it takes too.
 */
export interface Route<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  S extends RouteSpec = RouteSpec,
  I extends InheritedDeps = never,
> {
  readonly kind: 'route'
  readonly method: M
  readonly path: P
  readonly spec: S
  readonly handler: (context: any) => unknown
  /** Type-level only: the dependencies of the enclosing routers, as a union of `{ deps }`. */
  readonly '~inherited'?: I
}

/** The `deps` of a router (or app) around a route: they run for it, so the client sends their inputs. */
export interface InheritedDeps {
  deps: DepsSpec
}

export type AnyRoute = Route<any, any, any, any>

export interface RouterOptions {
  /** Prepended to every path below: '/items'. */
  prefix?: string
  tags?: readonly string[]
  /** Dependencies that run for every route below; their values are not passed to handlers. */
  deps?: DepsSpec
  responses?: { readonly [status: number]: ResponseDoc }
  deprecated?: boolean
  includeInSchema?: boolean
  /** Run around every route below, outermost first, inside the app's own middleware. */
  middleware?: readonly Middleware[]
  /**
   * Read JSON bodies strictly, as pydantic's strict mode: no `"3"` for a number, no `1` for a
   * boolean. Default false (lax, as FastAPI). Routes and routers below inherit it.
   */
  strict?: boolean
}

/**
 * A group of routes, WebSocket routes and routers. `R` is the union of its HTTP routes with their
 * full paths (WebSocket routes are not endpoints of the typed client).
 */
export interface Router<R extends AnyRoute = AnyRoute> {
  readonly kind: 'router'
  readonly options: RouterOptions
  readonly children: readonly RouterChild[]
  /** Type-level only: the routes below, with the prefix applied. */
  readonly '~routes'?: R
}

export type AnyRouter = Router<any>

/** What a router (and an app) holds: routes, WebSocket routes and routers. */
export type RouterChild = AnyRoute | AnyWebSocketRoute | AnyRouter
