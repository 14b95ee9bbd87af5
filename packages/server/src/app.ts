import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { AnyDependency, Dependency, DepsSpec } from '@typefast/dependency-resolution'
import {
  buildOpenAPIDocument,
  type OpenAPIDocument,
  type OpenAPIInfo,
  type OperationSource,
  type TagInfo,
} from '@typefast/openapi'
import {
  type AnyRoute,
  type AnyRouter,
  del,
  flattenRoutes,
  get,
  type Handler,
  type HttpMethod,
  head,
  options as optionsRoute,
  patch,
  post,
  put,
  type Route,
  type RouteMaker,
  type RouteSpec,
  type RoutesOf,
  RouteTable,
} from '@typefast/router'
import { type DocsOptions, docsRoutes } from './docs-routes.js'
import { type ErrorClass, type ExceptionHandler, ExceptionHandlers } from './exception-handlers.js'
import { HttpServer, type Listening, type ListenOptions } from './http-server.js'
import { type InjectOptions, type InjectResponse, injectRequest } from './inject.js'
import { consoleLogger, type Logger } from './logger.js'
import { type CompiledRoute, compileRoute, type RouteHandler } from './route-pipeline.js'

export interface AppOptions extends Partial<OpenAPIInfo>, Partial<DocsOptions> {
  servers?: { url: string; description?: string }[]
  /** Tag metadata for the OpenAPI document, in display order. */
  openapiTags?: TagInfo[]
  /** Dependencies that run for every route of the app; their values are not passed to handlers. */
  deps?: DepsSpec
  /** Largest accepted request body in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number
  logger?: Logger
}

/** `app.get(path, handler)` / `app.get(path, spec, handler)`: adds the route and its type to the app. */
export interface AppRouteMethod<R extends AnyRoute, M extends HttpMethod> {
  <P extends string>(path: P, handler: Handler<P, {}>): App<R | Route<M, P, {}>>
  <P extends string, S extends RouteSpec>(path: P, spec: S, handler: Handler<P, S>): App<R | Route<M, P, S>>
}

interface Compiled {
  table: RouteTable<RouteHandler>
  operations: OperationSource[]
}

const notFoundBody = JSON.stringify({ detail: 'Not Found' })
const methodNotAllowedBody = JSON.stringify({ detail: 'Method Not Allowed' })

function answerJson(res: ServerResponse, status: number, body: string, extra?: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...extra })
  res.end(body)
}

/**
 * A typefast application. `R` is the union of its routes, so `typeof app` carries every path,
 * input and output to a typed client.
 */
export class App<R extends AnyRoute = never> {
  /** Type-level only: the app's routes, for `createClient<typeof app>`. */
  declare readonly '~routes'?: R
  readonly #options: AppOptions
  readonly #logger: Logger
  readonly #entries: (AnyRoute | AnyRouter)[] = []
  readonly #overrides = new Map<AnyDependency, AnyDependency>()
  readonly #exceptionHandlers: ExceptionHandlers
  readonly #startupHooks: (() => unknown)[] = []
  readonly #shutdownHooks: (() => unknown)[] = []
  #compiled: Compiled | undefined
  #openapi: { document: OpenAPIDocument; bytes: Buffer } | undefined
  #started = false
  #server: HttpServer | undefined

  constructor(options: AppOptions = {}) {
    this.#options = options
    this.#logger = options.logger ?? consoleLogger
    this.#exceptionHandlers = new ExceptionHandlers(this.#logger)
  }

  readonly get = this.#sugar(get) as AppRouteMethod<R, 'GET'>
  readonly post = this.#sugar(post) as AppRouteMethod<R, 'POST'>
  readonly put = this.#sugar(put) as AppRouteMethod<R, 'PUT'>
  readonly patch = this.#sugar(patch) as AppRouteMethod<R, 'PATCH'>
  readonly delete = this.#sugar(del) as AppRouteMethod<R, 'DELETE'>
  readonly head = this.#sugar(head) as AppRouteMethod<R, 'HEAD'>
  readonly options = this.#sugar(optionsRoute) as AppRouteMethod<R, 'OPTIONS'>

  #sugar(make: RouteMaker<HttpMethod>) {
    return (...args: Parameters<typeof make>) => this.add((make as (...a: unknown[]) => AnyRoute)(...args))
  }

  /** Add routers (with their prefixes, tags and dependencies). */
  include<Rs extends AnyRouter[]>(...routers: Rs): App<R | RoutesOf<Rs[number]>> {
    return this.#register(routers)
  }

  /** Add route values. */
  add<Rs extends AnyRoute[]>(...routes: Rs): App<R | Rs[number]> {
    return this.#register(routes)
  }

  #register(entries: (AnyRoute | AnyRouter)[]): App<never> {
    for (const entry of entries) {
      if (entry?.kind !== 'route' && entry?.kind !== 'router')
        throw new TypeError('app.include/add: expected a route or a router')
    }
    this.#entries.push(...entries)
    this.#invalidate()
    return this as unknown as App<never>
  }

  /** Answer every error of this class (and its subclasses) with what `handler` returns. */
  exceptionHandler<E>(errorClass: ErrorClass<E>, handler: ExceptionHandler<E>): this {
    this.#exceptionHandlers.add(errorClass, handler)
    return this
  }

  /** Use `replacement` wherever `original` is asked for (tests). */
  overrideDependency<V>(original: Dependency<V, any>, replacement: Dependency<V, any>): this {
    this.#overrides.set(original, replacement)
    this.#invalidate()
    return this
  }

  /** Remove one override, or all of them. */
  clearDependencyOverrides(original?: AnyDependency): this {
    if (original) this.#overrides.delete(original)
    else this.#overrides.clear()
    this.#invalidate()
    return this
  }

  onStartup(hook: () => unknown): this {
    this.#startupHooks.push(hook)
    return this
  }

  onShutdown(hook: () => unknown): this {
    this.#shutdownHooks.push(hook)
    return this
  }

  /** The OpenAPI 3.1 document of every route in the schema. */
  openapi(): OpenAPIDocument {
    return this.#openapiCache().document
  }

  /** A plain node:http request listener, for an existing server. */
  readonly handler: RequestListener = (req, res) => this.#dispatch(req, res)

  /** Compile every route now (it otherwise happens on first use); start-up errors throw here. */
  ready(): this {
    this.#compile()
    return this
  }

  inject(options: InjectOptions): Promise<InjectResponse> {
    this.#compile()
    return injectRequest(this.handler, options)
  }

  async listen(options?: ListenOptions): Promise<Listening> {
    this.#compile()
    await this.#startup()
    this.#server = new HttpServer(this.handler)
    return this.#server.listen(options)
  }

  /** Stop accepting, finish the requests in flight, run the shutdown hooks. */
  async close(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    if (server) await server.close()
    if (!this.#started) return
    this.#started = false
    for (const hook of [...this.#shutdownHooks].reverse()) await hook()
  }

  async #startup(): Promise<void> {
    if (this.#started) return
    this.#started = true
    for (const hook of this.#startupHooks) await hook()
  }

  #invalidate(): void {
    this.#compiled = undefined
    this.#openapi = undefined
  }

  #docsOptions(): DocsOptions {
    const o = this.#options
    return {
      title: o.title ?? 'typefast',
      openapiUrl: o.openapiUrl ?? '/openapi.json',
      docsUrl: o.docsUrl ?? '/docs',
      redocUrl: o.redocUrl ?? '/redoc',
      docsAssetsUrl: o.docsAssetsUrl ?? '/docs-assets',
      swaggerUiOAuth2RedirectUrl: o.swaggerUiOAuth2RedirectUrl ?? '/docs/oauth2-redirect',
      swaggerUiParameters: o.swaggerUiParameters,
    }
  }

  #compile(): Compiled {
    if (this.#compiled) return this.#compiled
    const runtime = {
      bodyLimit: this.#options.bodyLimit ?? 1024 * 1024,
      overrides: this.#overrides,
      handleError: this.#exceptionHandlers.handle.bind(this.#exceptionHandlers),
      onTeardownError: (error: unknown, dependencyName: string) =>
        this.#logger.error({ err: error, dependency: dependencyName }, 'Dependency teardown failed'),
    }
    const builtIn = docsRoutes(this.#docsOptions(), () => this.#openapiCache().bytes)
    const routes = flattenRoutes([...this.#entries, ...builtIn], { deps: this.#options.deps })
    const table = new RouteTable<RouteHandler>()
    const operations: OperationSource[] = []
    for (const route of routes) {
      const compiled: CompiledRoute = compileRoute(route, runtime)
      table.add(route.method, route.path, compiled.handle)
      operations.push({ route, inputs: compiled.inputs })
    }
    this.#compiled = { table, operations }
    return this.#compiled
  }

  #openapiCache(): { document: OpenAPIDocument; bytes: Buffer } {
    if (this.#openapi) return this.#openapi
    const o = this.#options
    const document = buildOpenAPIDocument(this.#compile().operations, {
      info: {
        title: o.title ?? 'typefast',
        version: o.version ?? '0.1.0',
        summary: o.summary,
        description: o.description,
        termsOfService: o.termsOfService,
        contact: o.contact,
        license: o.license,
      },
      servers: o.servers,
      tags: o.openapiTags,
    })
    this.#openapi = { document, bytes: Buffer.from(JSON.stringify(document)) }
    return this.#openapi
  }

  #dispatch(req: IncomingMessage, res: ServerResponse): void {
    const table = (this.#compiled ?? this.#compile()).table
    const found = table.lookup(req.method ?? 'GET', req.url ?? '/')
    if (found.kind === 'found') {
      found.route(req, res, found.params, found.query)
      return
    }
    if (found.kind === 'method-not-allowed') {
      answerJson(res, 405, methodNotAllowedBody, { allow: found.allow })
      return
    }
    answerJson(res, 404, notFoundBody)
  }
}

/** Create an application: its OpenAPI metadata, docs URLs, app-wide dependencies and limits. */
export function createApp(options: AppOptions = {}): App<never> {
  return new App(options)
}
