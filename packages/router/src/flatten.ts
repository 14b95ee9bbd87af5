import type { AnyDependency } from '@typefast/dependency-resolution'
import { PathParamWithoutSchemaError, SchemaKeyNotInPathError } from './errors.js'
import type { Middleware } from './middleware.js'
import { joinPaths, type PathTemplate, parsePathTemplate } from './path-template.js'
import type { AnyRoute, HttpMethod, ResponseDoc, RouterChild, RouterOptions, RouteSpec } from './types.js'
import type { AnyWebSocketRoute, WebSocketSpec } from './websocket.js'

/** A route with everything the routers above it contribute, ready to compile. */
export interface ResolvedRoute {
  readonly method: HttpMethod
  /** The full path template, prefixes joined: '/items/{item_id}'. */
  readonly path: string
  readonly template: PathTemplate
  readonly spec: RouteSpec
  readonly handler: (context: any) => unknown
  readonly tags: readonly string[]
  /** Dependencies of the app and the routers above, run before the route's own; values not passed. */
  readonly sharedDeps: readonly AnyDependency[]
  /** Middleware of the routers above, outermost first; empty for most routes. */
  readonly middleware: readonly Middleware[]
  /** Extra documented responses, the routers' first, the route's own last. */
  readonly responses: { readonly [status: number]: ResponseDoc }
  readonly deprecated: boolean
  readonly includeInSchema: boolean
  /** JSON bodies read strictly (no lax coercion): the route's setting, else its routers', else the app's. */
  readonly strict: boolean
  /** The handler's function name ('' for an anonymous handler), for summary and operationId. */
  readonly name: string
}

/** A WebSocket route with the prefix and dependencies of the routers above it. */
export interface ResolvedWebSocketRoute {
  /** The full path template, prefixes joined: '/rooms/{room}'. */
  readonly path: string
  readonly spec: WebSocketSpec
  readonly handler: (context: any) => unknown
  /** Dependencies of the app and the routers above, run before the route's own; values not passed. */
  readonly sharedDeps: readonly AnyDependency[]
}

/** An app's or router's entries, resolved: HTTP routes and WebSocket routes apart. */
export interface Flattened {
  readonly routes: ResolvedRoute[]
  readonly websockets: ResolvedWebSocketRoute[]
}

interface Inherited {
  prefix: string
  tags: readonly string[]
  deps: readonly AnyDependency[]
  middleware: readonly Middleware[]
  responses: { readonly [status: number]: ResponseDoc }
  deprecated: boolean
  includeInSchema: boolean
  strict: boolean
}

const root: Inherited = {
  prefix: '',
  tags: [],
  deps: [],
  middleware: [],
  responses: {},
  deprecated: false,
  includeInSchema: true,
  strict: false,
}

/** Flatten routes, WebSocket routes and nested routers into resolved ones, checking each as it goes. */
export function flatten(entries: readonly RouterChild[], base: RouterOptions = {}): Flattened {
  const flattened: Flattened = { routes: [], websockets: [] }
  visit(entries, inherit(root, base), flattened)
  return flattened
}

/** The resolved HTTP routes of `entries` (WebSocket routes left out). */
export function flattenRoutes(entries: readonly RouterChild[], base: RouterOptions = {}): ResolvedRoute[] {
  return flatten(entries, base).routes
}

function inherit(parent: Inherited, options: RouterOptions): Inherited {
  return {
    prefix: options.prefix ? joinPaths(parent.prefix || '/', options.prefix) : parent.prefix,
    tags: options.tags ? [...parent.tags, ...options.tags] : parent.tags,
    deps: options.deps ? [...parent.deps, ...Object.values(options.deps)] : parent.deps,
    middleware: options.middleware ? [...parent.middleware, ...options.middleware] : parent.middleware,
    responses: options.responses ? { ...parent.responses, ...options.responses } : parent.responses,
    deprecated: options.deprecated ?? parent.deprecated,
    includeInSchema: options.includeInSchema ?? parent.includeInSchema,
    strict: options.strict ?? parent.strict,
  }
}

function visit(entries: readonly RouterChild[], parent: Inherited, out: Flattened): void {
  for (const entry of entries) {
    if (entry.kind === 'router') visit(entry.children, inherit(parent, entry.options), out)
    else if (entry.kind === 'websocket') out.websockets.push(resolveWebSocket(entry, parent))
    else out.routes.push(resolve(entry, parent))
  }
}

function fullPath(parent: Inherited, path: string): string {
  return parent.prefix ? joinPaths(parent.prefix, path) : path
}

function resolve(route: AnyRoute, parent: Inherited): ResolvedRoute {
  const spec: RouteSpec = route.spec
  const path = fullPath(parent, route.path)
  const template = parsePathTemplate(path)
  checkParamsSchema(route.method, path, template, spec)
  return {
    method: route.method,
    path,
    template,
    spec,
    handler: route.handler,
    tags: spec.tags ? [...new Set([...parent.tags, ...spec.tags])] : parent.tags,
    sharedDeps: parent.deps,
    middleware: parent.middleware,
    responses: spec.responses ? { ...parent.responses, ...spec.responses } : parent.responses,
    deprecated: spec.deprecated ?? parent.deprecated,
    includeInSchema: spec.includeInSchema ?? parent.includeInSchema,
    strict: spec.strict ?? parent.strict,
    name: route.handler.name,
  }
}

function resolveWebSocket(route: AnyWebSocketRoute, parent: Inherited): ResolvedWebSocketRoute {
  const path = fullPath(parent, route.path)
  checkParamsSchema('WEBSOCKET', path, parsePathTemplate(path), route.spec)
  return { path, spec: route.spec, handler: route.handler, sharedDeps: parent.deps }
}

/** A params schema must describe exactly the path's parameters: a mismatch is a bug to catch at start-up. */
function checkParamsSchema(
  method: string,
  path: string,
  template: PathTemplate,
  spec: { params?: RouteSpec['params'] },
): void {
  if (!spec.params) return
  const declared = Object.keys(spec.params.properties)
  const missing = template.params.filter((name: string) => !declared.includes(name))
  if (missing.length > 0) {
    throw new PathParamWithoutSchemaError(`${method} ${path}`, missing)
  }
  const extra = declared.filter((name) => !template.params.includes(name))
  if (extra.length > 0) {
    throw new SchemaKeyNotInPathError(`${method} ${path}`, extra)
  }
}
