import type { AnyDependency } from '@typefast/dependency-resolution'
import { PathParamWithoutSchemaError, SchemaKeyNotInPathError } from './errors.js'
import type { Middleware } from './middleware.js'
import { joinPaths, type PathTemplate, parsePathTemplate } from './path-template.js'
import type { AnyRoute, AnyRouter, HttpMethod, ResponseDoc, RouterOptions, RouteSpec } from './types.js'

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

/** Flatten routes and nested routers into resolved routes, checking each one as it goes. */
export function flattenRoutes(entries: readonly (AnyRoute | AnyRouter)[], base: RouterOptions = {}): ResolvedRoute[] {
  const resolved: ResolvedRoute[] = []
  visit(entries, inherit(root, base), resolved)
  return resolved
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

function visit(entries: readonly (AnyRoute | AnyRouter)[], parent: Inherited, out: ResolvedRoute[]): void {
  for (const entry of entries) {
    if (entry.kind === 'router') visit(entry.children, inherit(parent, entry.options), out)
    else out.push(resolve(entry, parent))
  }
}

function resolve(route: AnyRoute, parent: Inherited): ResolvedRoute {
  const spec: RouteSpec = route.spec
  const path = parent.prefix ? joinPaths(parent.prefix, route.path) : route.path
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

/** A params schema must describe exactly the path's parameters: a mismatch is a bug to catch at start-up. */
function checkParamsSchema(method: string, path: string, template: PathTemplate, spec: RouteSpec): void {
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
