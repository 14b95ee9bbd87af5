import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
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
  type InheritedDeps,
  type Middleware,
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
import { compileAppChain } from '../dispatch/dispatcher.js'
import { CapturedContext } from '../middleware/captured-context.js'
import { type DocsOptions, docsRoutes } from '../docs/docs-routes.js'
import { type ErrorClass, type ExceptionHandler, ExceptionHandlers } from '../exceptions/exception-handlers.js'
import type { FormLimits } from '../forms/form-limits.js'
import { ensureSafeHeaderValues } from '../transport/header-values.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { HttpServer, type Listening, type ListenOptions, type ServerLimits } from '../transport/http-server.js'
import { type InjectOptions, type InjectResponse, injectRequest } from '../transport/inject.js'
import { type Lifespan, type LifespanFunction, LifespanRun } from './lifespan.js'
import { createLogger, type Logger, type LogLevel } from '../logging/logger.js'
import { type Endpoint, serveCaptured } from '../middleware/middleware-chain.js'
import { checkMountPrefix, dispatchToMount, type Mount } from '../dispatch/mount.js'
import { RequestContext } from '../pipeline/request-context.js'
import { type CompiledRoute, compileRoute, type RouteRuntime } from '../pipeline/compile-route.js'
import { documentSecurity } from '../security/openapi-security.js'
import { webhookOperations } from '../docs/webhooks.js'
import { TestWebSocket } from '../websocket/websocket-client.js'
import { type UpgradeHandler, type WebSocketHandler, WebSocketRoutes, type WebSocketSpec } from '../websocket/websocket-routes.js'

export interface AppOptions extends Partial<OpenAPIInfo>, Partial<DocsOptions>, ServerLimits {
  servers?: { url: string; description?: string }[]
  /** Tag metadata for the OpenAPI document, in display order. */
  openapiTags?: TagInfo[]
  /**
   * Requests the API sends to other apps (FastAPI's `app.webhooks`), declared as routes and
   * documented under `webhooks`, not served: `post('/new-subscription', { body }, function newSubscription() {})`
   * is the webhook `new-subscription`.
   */
  webhooks?: (AnyRoute | AnyRouter)[]
  /** Dependencies that run for every route of the app; their values are not passed to handlers. */
  deps?: DepsSpec
  /** Largest accepted request body in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number
  /** Limits on form bodies: file size and count, field size and count, when files spill to disk. */
  formLimits?: FormLimits
  /**
   * Set-up before the first request, `yield` the app's state, tear-down on close. Pass a
   * `lifespan(...)` value to read the state typed in handlers (`deps: { app: life.state }`).
   */
  lifespan?: Lifespan<any> | LifespanFunction<any>
  /** Deepest nesting of arrays and objects accepted in a JSON body (422 json_invalid beyond). Default 200. */
  maxJsonDepth?: number
  /**
   * Read JSON bodies strictly, as pydantic's strict mode (no `"3"` for a number). Default false:
   * lax, as FastAPI. Routers and routes may set their own.
   */
  strict?: boolean
  /** One log line per request when the app listens. Default true; `app.listen({ accessLog })` overrides. */
  accessLog?: boolean
  /** pino by default (JSON lines on stdout, credentials redacted); any pino-compatible logger fits. */
  logger?: Logger
  /** Level of the default logger. Default: LOG_LEVEL, else 'info'. */
  logLevel?: LogLevel
}

/** `app.get(path, handler)` / `app.get(path, spec, handler)`: adds the route and its type to the app. */
export interface AppRouteMethod<R extends AnyRoute, M extends HttpMethod, D extends InheritedDeps> {
  <P extends string>(path: P, handler: Handler<P, {}>): App<R | Route<M, P, {}>, D>
  <P extends string, const S extends RouteSpec>(path: P, spec: S, handler: Handler<P, S>): App<R | Route<M, P, S>, D>
}

interface Compiled {
  table: RouteTable<CompiledRoute>
  operations: OperationSource[]
  /** The app's middleware around its routing; null when there is none (the common, direct path). */
  chain: Endpoint | null
  /** The WebSocket routes' upgrade handler; undefined when there are none. */
  upgrade: UpgradeHandler | undefined
  runtime: RouteRuntime
}

/**
 * A typefast application. `R` is the union of its routes, so `typeof app` carries every path,
 * input and output to a typed client; `D` is the `{ deps }` of the app, which every route takes
 * (the default, any deps, lets `App<any>` stand for every app).
 */
export class App<R extends AnyRoute = never, D extends InheritedDeps = InheritedDeps> {
  /** Type-level only: the app's routes, for `createClient<typeof app>`. */
  declare readonly '~routes'?: R
  /** Type-level only: the app-level dependencies, whose inputs every route takes too. */
  declare readonly '~inherited'?: D
  readonly #options: AppOptions
  readonly #logger: Logger
  readonly #entries: (AnyRoute | AnyRouter)[] = []
  readonly #overrides = new Map<AnyDependency, AnyDependency>()
  readonly #exceptionHandlers: ExceptionHandlers
  readonly #startupHooks: (() => unknown)[] = []
  readonly #shutdownHooks: (() => unknown)[] = []
  readonly #middleware: Middleware[] = []
  readonly #websockets = new WebSocketRoutes()
  readonly #mounts: Mount[] = []
  readonly #mounted: App<any>[] = []
  #mountedAt: string | undefined
  #testServer: { server: HttpServer; url: string } | undefined
  #compiled: Compiled | undefined
  #openapi: { document: OpenAPIDocument; bytes: Buffer } | undefined
  #started = false
  #lifespan: LifespanRun | undefined
  #starting: Promise<void> | undefined
  #server: HttpServer | undefined

  constructor(options: AppOptions = {}) {
    this.#options = options
    this.#logger = options.logger ?? createLogger({ level: options.logLevel })
    this.#exceptionHandlers = new ExceptionHandlers(this.#logger)
  }

  readonly get = this.#sugar(get) as AppRouteMethod<R, 'GET', D>
  readonly post = this.#sugar(post) as AppRouteMethod<R, 'POST', D>
  readonly put = this.#sugar(put) as AppRouteMethod<R, 'PUT', D>
  readonly patch = this.#sugar(patch) as AppRouteMethod<R, 'PATCH', D>
  readonly delete = this.#sugar(del) as AppRouteMethod<R, 'DELETE', D>
  readonly head = this.#sugar(head) as AppRouteMethod<R, 'HEAD', D>
  readonly options = this.#sugar(optionsRoute) as AppRouteMethod<R, 'OPTIONS', D>

  #sugar(make: RouteMaker<HttpMethod>) {
    return (...args: Parameters<typeof make>) => this.add((make as (...a: unknown[]) => AnyRoute)(...args))
  }

  /** Add routers (with their prefixes, tags and dependencies). */
  include<Rs extends AnyRouter[]>(...routers: Rs): App<R | RoutesOf<Rs[number]>, D> {
    return this.#register(routers)
  }

  /** Add route values. */
  add<Rs extends AnyRoute[]>(...routes: Rs): App<R | Rs[number], D> {
    return this.#register(routes)
  }

  #register(entries: (AnyRoute | AnyRouter)[]): App<never, never> {
    for (const entry of entries) {
      if (entry?.kind !== 'route' && entry?.kind !== 'router')
        throw new TypeError('app.include/add: expected a route or a router')
    }
    this.#entries.push(...entries)
    this.#invalidate()
    return this as unknown as App<never, never>
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

  /**
   * Add middleware around every request (404s and the docs included), the first added outermost:
   * `app.use(async (request, next) => { const response = await next(); ...; return response })`.
   */
  use(...middleware: Middleware[]): this {
    for (const layer of middleware) {
      if (typeof layer !== 'function') throw new TypeError('app.use(middleware): each middleware must be a function')
    }
    this.#middleware.push(...middleware)
    this.#invalidate()
    return this
  }

  /**
   * A WebSocket route: typed params, query, headers, cookies and deps as an HTTP route's, and
   * `socket` to receive and send JSON checked by the `receive` and `send` schemas. Inputs that fail
   * validation close the connection with 1008 and the errors as the reason, as FastAPI does.
   */
  websocket<P extends string>(path: P, handler: WebSocketHandler<P, {}>): this
  websocket<P extends string, S extends WebSocketSpec>(path: P, spec: S, handler: WebSocketHandler<P, S>): this
  websocket(
    path: string,
    specOrHandler: WebSocketSpec | ((context: any) => unknown),
    handler?: (context: any) => unknown,
  ): this {
    if (typeof specOrHandler === 'function') this.#websockets.add(path, {}, specOrHandler)
    else this.#websockets.add(path, specOrHandler, handler!)
    this.#invalidate()
    return this
  }

  /**
   * Connect a WebSocket test client to `path` (the app listens on a private port if it is not
   * listening yet; `app.close()` stops it). Rejects when the upgrade is refused.
   */
  async injectWebSocket(path: string, options: { headers?: Record<string, string> } = {}): Promise<TestWebSocket> {
    this.#compile()
    await this.#startup()
    if (this.#testServer === undefined) {
      const server = new HttpServer(this.handler, { accessLog: false, onUpgrade: this.#onUpgrade })
      const { url } = await server.listen({ port: 0 })
      this.#testServer = { server, url }
    }
    return TestWebSocket.connect(`${this.#testServer.url.replace(/^http/, 'ws')}${path}`, options.headers)
  }

  readonly #onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const upgrade = (this.#compiled ?? this.#compile()).upgrade
    if (upgrade !== undefined) upgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  }

  /**
   * Serve another app under `prefix`: it sees paths without the prefix, keeps its own routes,
   * middleware, docs and OpenAPI document (whose `servers` list the prefix). Its lifespan and
   * hooks run with this app's. Paths this app routes itself take precedence.
   */
  mount(prefix: string, app: App<any>): this {
    checkMountPrefix(prefix)
    if ((app as App<any>) === (this as App<any>)) throw new Error(`app.mount('${prefix}'): an app cannot mount itself`)
    app.#mountedAt = this.#rootPath() + prefix
    app.#invalidate()
    this.#mounts.push({ prefix, handler: app.handler })
    this.#mounted.push(app)
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
  readonly handler: RequestListener = (req, res) => {
    ensureSafeHeaderValues(res)
    this.#dispatch(req, res)
  }

  /** Compile every route now (it otherwise happens on first use); start-up errors throw here. */
  ready(): this {
    this.#compile()
    return this
  }

  async inject(options: InjectOptions): Promise<InjectResponse> {
    this.#compile()
    await this.#startup()
    return injectRequest(this.handler, options)
  }

  async listen(options?: ListenOptions): Promise<Listening> {
    this.#compile()
    await this.#startup()
    // Limits from createApp, each overridable on listen; decided here, once.
    this.#server = new HttpServer(this.handler, {
      ...this.#options,
      ...options,
      logger: this.#logger,
      onUpgrade: this.#onUpgrade,
    })
    return this.#server.listen(options)
  }

  /** Stop accepting, finish the requests in flight, run the shutdown hooks. */
  async close(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    const testServer = this.#testServer
    this.#testServer = undefined
    this.#websockets.closeAll()
    if (server) await server.close()
    if (testServer) await testServer.server.close()
    for (const app of this.#mounted) await app.close()
    if (!this.#started) return
    this.#started = false
    await this.#starting
    this.#starting = undefined
    for (const hook of [...this.#shutdownHooks].reverse()) await hook()
    const running = this.#lifespan
    this.#lifespan = undefined
    await running?.stop()
  }

  /** Run the lifespan and start-up hooks now (listen and inject do it on first use); idempotent. */
  startup(): Promise<void> {
    return this.#startup()
  }

  #startup(): Promise<void> {
    if (this.#started) return this.#starting ?? Promise.resolve()
    this.#started = true
    this.#starting = this.#runStartup()
    return this.#starting
  }

  async #runStartup(): Promise<void> {
    if (this.#options.lifespan !== undefined) {
      this.#lifespan = new LifespanRun(this.#options.lifespan)
      await this.#lifespan.start()
    }
    for (const hook of this.#startupHooks) await hook()
    for (const app of this.#mounted) await app.#startup()
  }

  /** What the lifespan yielded, while the app runs (undefined before start-up and after close). */
  get state(): unknown {
    return this.#lifespan?.state
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
      rootPath: this.#rootPath(),
    }
  }

  /** Where this app's paths start for a client: the parent's mount prefix, then `rootPath`. */
  #rootPath(): string {
    return (this.#mountedAt ?? '') + (this.#options.rootPath ?? '').replace(/\/+$/, '')
  }

  #compile(): Compiled {
    if (this.#compiled) return this.#compiled
    const runtime = {
      bodyLimit: this.#options.bodyLimit ?? 1024 * 1024,
      maxJsonDepth: this.#options.maxJsonDepth ?? 200,
      formLimits: this.#options.formLimits,
      overrides: this.#overrides,
      handleError: this.#exceptionHandlers.handle.bind(this.#exceptionHandlers),
      onTeardownError: (error: unknown, dependencyName: string) =>
        this.#logger.error({ err: error, dependency: dependencyName }, 'Dependency teardown failed'),
      respondError: this.#exceptionHandlers.respond.bind(this.#exceptionHandlers),
      onBackgroundError: (error: unknown, taskName: string) =>
        this.#logger.error({ err: error, task: taskName }, 'Background task failed'),
      captureAll: this.#middleware.length > 0,
    }
    const builtIn = docsRoutes(this.#docsOptions(), () => this.#openapiCache().bytes)
    // The app's dependencies guard its routes, not its docs: FastAPI serves /openapi.json, /docs
    // and /redoc as plain Starlette routes, outside `dependencies=`.
    const routes = [
      ...flattenRoutes(this.#entries, { deps: this.#options.deps, strict: this.#options.strict }),
      ...flattenRoutes(builtIn),
    ]
    const table = new RouteTable<CompiledRoute>()
    const operations: OperationSource[] = []
    for (const route of routes) {
      const compiled: CompiledRoute = compileRoute(route, runtime)
      table.add(route.method, route.path, compiled)
      operations.push({ route, inputs: compiled.inputs })
    }
    const chain = this.#middleware.length > 0 ? compileAppChain(this.#middleware, table) : null
    const upgrade =
      this.#websockets.size === 0
        ? undefined
        : this.#websockets.compile({
            overrides: this.#overrides,
            logger: this.#logger,
            onTeardownError: runtime.onTeardownError,
          })
    this.#compiled = { table, operations, chain, runtime, upgrade }
    return this.#compiled
  }

  #openapiCache(): { document: OpenAPIDocument; bytes: Buffer } {
    if (this.#openapi) return this.#openapi
    const o = this.#options
    const { operations, securitySchemes } = documentSecurity(this.#compile().operations)
    const document = buildOpenAPIDocument(operations, {
      info: {
        title: o.title ?? 'typefast',
        version: o.version ?? '0.1.0',
        summary: o.summary,
        description: o.description,
        termsOfService: o.termsOfService,
        contact: o.contact,
        license: o.license,
      },
      servers: o.servers ?? (this.#rootPath() === '' ? undefined : [{ url: this.#rootPath() }]),
      tags: o.openapiTags,
      securitySchemes,
      webhooks: webhookOperations(o.webhooks ?? []),
    })
    this.#openapi = { document, bytes: Buffer.from(JSON.stringify(document)) }
    return this.#openapi
  }

  #dispatch(req: IncomingMessage, res: ServerResponse): void {
    const compiled = this.#compiled ?? this.#compile()
    if (compiled.chain !== null) {
      // Mounted apps answer for themselves, outside this app's middleware.
      if (
        this.#mounts.length > 0 &&
        compiled.table.lookup(req.method ?? 'GET', req.url ?? '/').kind === 'not-found' &&
        dispatchToMount(this.#mounts, req, res)
      )
        return
      serveCaptured(new CapturedContext(req, res), compiled.chain, compiled.runtime)
      return
    }
    const found = compiled.table.lookup(req.method ?? 'GET', req.url ?? '/')
    if (found.kind === 'found') {
      found.route.handle(req, res, found.params, found.query)
      return
    }
    // Misses go through the exception handlers, so an HTTPException handler sees 404 and 405 too,
    // as in Starlette; without one the default answer is FastAPI's.
    if (found.kind === 'method-not-allowed') {
      const error = new HTTPException(405, 'Method Not Allowed', { allow: found.allow })
      this.#exceptionHandlers.handle(error, new RequestContext(req, res))
      return
    }
    if (this.#mounts.length > 0 && dispatchToMount(this.#mounts, req, res)) return
    this.#exceptionHandlers.handle(new HTTPException(404, 'Not Found'), new RequestContext(req, res))
  }
}

/** Create an application: its OpenAPI metadata, docs URLs, app-wide dependencies and limits. */
/** The `{ deps }` of the app's options, carried in its type for the client. */
type AppDeps<O> = O extends { deps: infer D extends DepsSpec } ? { deps: D } : never

export function createApp<const O extends AppOptions = {}>(options?: O): App<never, AppDeps<O>> {
  return new App(options)
}
