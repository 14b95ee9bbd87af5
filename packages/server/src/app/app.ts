import type { RequestListener } from 'node:http'
import type { AnyDependency, Dependency, DepsSpec } from '@typefast/dependency-resolution'
import type { OpenAPIDocument } from '@typefast/openapi'
import type { AnyRoute, InheritedDeps } from '@typefast/router'
import { checkMountPrefix, type Mount, stripRootPath } from '../dispatch/mount.js'
import { FetchWebSocketError, MountSelfError } from '../errors.js'
import { type ErrorClass, type ExceptionHandler, ExceptionHandlers } from '../exceptions/exception-handlers.js'
import { createLogger, type Logger } from '../logging/logger.js'
import { serveFetchDirect } from '../transport/fetch/fetch-direct.js'
import type { FetchExecutionContext } from '../transport/fetch/fetch-handler.js'
import { ensureSafeHeaderValues } from '../transport/header-values.js'
import type { Listening, ListenOptions } from '../transport/http-server.js'
import { type InjectOptions, type InjectResponse, injectRequest } from '../transport/inject.js'
import { TestWebSocket } from '../websocket/websocket-client.js'
import { WebSocketRoutes } from '../websocket/websocket-routes.js'
import type { AppOptions } from './app-options.js'
import { AppRoutes } from './app-routes.js'
import { type CompiledApp, compileApp } from './compile-app.js'
import { NodeServers } from './node-servers.js'
import { StartStop } from './start-stop.js'

export type { AppOptions } from './app-options.js'
export type { AppRouteMethod } from './app-routes.js'

/**
 * A typefast application. `R` is the union of its routes, so `typeof app` carries every path,
 * input and output to a typed client; `D` is the `{ deps }` of the app, which every route takes
 * (the default, any deps, lets `App<any>` stand for every app).
 *
 * Declared, then compiled once by `ready()` and locked: see docs/reference/lifecycle.md.
 */
export class App<R extends AnyRoute = never, D extends InheritedDeps = InheritedDeps> extends AppRoutes<R, D> {
  /** Type-level only: the app's routes, for `createClient<typeof app>`. */
  declare readonly '~routes'?: R
  /** Type-level only: the app-level dependencies, whose inputs every route takes too. */
  declare readonly '~inherited'?: D
  readonly #options: AppOptions
  readonly #logger: Logger
  readonly #overrides = new Map<AnyDependency, AnyDependency>()
  readonly #exceptionHandlers: ExceptionHandlers
  readonly #websockets = new WebSocketRoutes()
  readonly #mounts: Mount[] = []
  readonly #mounted: App<any>[] = []
  readonly #startStop: StartStop
  #mountedAt: string | undefined
  #compiled: CompiledApp | undefined
  readonly #servers: NodeServers
  #fetchReady: Promise<void> | undefined
  #fetchStarted = false
  /** The app's own `rootPath`, stripped from a request path that starts with it (Starlette's). */
  readonly #routedRootPath: string

  constructor(options: AppOptions = {}) {
    super()
    this.#options = options
    this.#routedRootPath = (options.rootPath ?? '').replace(/\/+$/, '')
    this.#logger = options.logger ?? createLogger({ level: options.logLevel })
    this.#exceptionHandlers = new ExceptionHandlers(this.#logger)
    this.#startStop = new StartStop(options.lifespan, this.#mounted)
    this.#servers = new NodeServers(this.handler, () => this.#compile().upgrade)
  }

  /** Answer every error of this class (and its subclasses) with what `handler` returns. */
  exceptionHandler<E>(errorClass: ErrorClass<E>, handler: ExceptionHandler<E>): this {
    this.#exceptionHandlers.add(errorClass, handler)
    return this
  }

  /** Use `replacement` wherever `original` is asked for (tests); allowed after `ready()` too. */
  overrideDependency<V>(original: Dependency<V, any>, replacement: Dependency<V, any>): this {
    this.#overrides.set(original, replacement)
    this.#compiled = undefined
    return this
  }

  /** Remove one override, or all of them. */
  clearDependencyOverrides(original?: AnyDependency): this {
    if (original) this.#overrides.delete(original)
    else this.#overrides.clear()
    this.#compiled = undefined
    return this
  }

  /**
   * Connect a WebSocket test client to `path` (the app listens on a private port if it is not
   * listening yet; `app.close()` stops it). Rejects when the upgrade is refused.
   */
  async injectWebSocket(path: string, options: { headers?: Record<string, string> } = {}): Promise<TestWebSocket> {
    this.ready()
    await this.startup()
    const url = await this.#servers.testUrl()
    return TestWebSocket.connect(`${url.replace(/^http/, 'ws')}${path}`, options.headers)
  }

  /**
   * Serve another app under `prefix`: it sees paths without the prefix, keeps its own routes,
   * middleware, docs and OpenAPI document (whose `servers` list the prefix). Its lifespan and
   * hooks run with this app's. Paths this app routes itself take precedence.
   */
  mount(prefix: string, app: App<any>): this {
    this.unlocked(`app.mount('${prefix}')`)
    checkMountPrefix(prefix)
    if ((app as App<any>) === (this as App<any>)) throw new MountSelfError(prefix)
    app.#mountedAt = this.#rootPath() + prefix
    app.#compiled = undefined
    this.#mounts.push({ prefix, handler: app.handler })
    this.#mounted.push(app)
    return this
  }

  onStartup(hook: () => unknown): this {
    this.#startStop.onStartup(hook)
    return this
  }

  onShutdown(hook: () => unknown): this {
    this.#startStop.onShutdown(hook)
    return this
  }

  /** The OpenAPI 3.1 document of every route in the schema (compiles and locks the app). */
  openapi(): OpenAPIDocument {
    return this.ready().#compile().openapi.document
  }

  /** A plain node:http request listener, for an existing server; its first use calls `ready()`. */
  readonly handler: RequestListener = (req, res) => {
    ensureSafeHeaderValues(res)
    if (this.#routedRootPath !== '') stripRootPath(req, this.#routedRootPath)
    ;(this.#compiled ?? this.ready().#compile()).dispatcher.serve(req, res)
  }

  /**
   * A web-standard handler, `Request` in, `Response` out, over the same pipeline: for Bun
   * (`Bun.serve({ fetch: app.fetch })`), Deno (`Deno.serve(app.fetch)`), Workers and Lambda. Bound,
   * so it can be passed as it is; on Workers, its third argument (the execution context) keeps
   * the request alive for teardown and background tasks. The first call readies and starts the
   * app; a start-up error (or a feature a fetch handler cannot serve) rejects every request with it.
   */
  readonly fetch = (request: Request, _env?: unknown, context?: FetchExecutionContext): Promise<Response> => {
    // Once started, a request is served at once, without waiting a turn on the start-up promise.
    if (this.#fetchStarted) return this.#serveFetch(request, context)
    this.#fetchReady ??= this.#prepareFetch()
    return this.#fetchReady.then(() => this.#serveFetch(request, context))
  }

  #serveFetch(request: Request, context: FetchExecutionContext | undefined): Promise<Response> {
    try {
      return serveFetchDirect(this.#compile(), this.#routedRootPath, this.handler, request, context)
    } catch (error) {
      // Not a web Request, say: a rejection, as the promise the API returns.
      return Promise.reject(error)
    }
  }

  async #prepareFetch(): Promise<void> {
    this.ready()
    const sockets = [this, ...this.#mounted].flatMap((app) => app.#compile().websocketPaths)
    if (sockets.length > 0) throw new FetchWebSocketError(sockets)
    await this.startup()
    this.#fetchStarted = true
  }

  /**
   * Compile the app now: the route table, every route's pipeline, the middleware, the WebSocket
   * routes, the OpenAPI document (built even when not served) and the mounted apps. Every start-up
   * error throws here, naming its route; afterwards the app is locked. Idempotent.
   */
  ready(): this {
    this.#compile()
    this.lock()
    for (const app of this.#mounted) app.ready()
    return this
  }

  async inject(options: InjectOptions): Promise<InjectResponse> {
    this.ready()
    await this.startup()
    return injectRequest(this.handler, options)
  }

  async listen(options?: ListenOptions): Promise<Listening> {
    this.ready()
    await this.startup()
    // Limits from createApp, each overridable on listen; decided here, once.
    return this.#servers.listen({ ...this.#options, ...options, logger: this.#logger })
  }

  /** Stop accepting, finish the requests in flight, run the shutdown hooks. */
  async close(): Promise<void> {
    this.#websockets.closeAll()
    await this.#servers.close()
    this.#fetchReady = undefined
    this.#fetchStarted = false
    await this.#startStop.stop()
  }

  /** Run the lifespan and start-up hooks now (listen and inject do it on first use); idempotent. */
  startup(): Promise<void> {
    return this.#startStop.startup()
  }

  /** What the lifespan yielded, while the app runs (undefined before start-up and after close). */
  get state(): unknown {
    return this.#startStop.state
  }

  /** Where this app's paths start for a client: the parent's mount prefix, then `rootPath`. */
  #rootPath(): string {
    return (this.#mountedAt ?? '') + this.#routedRootPath
  }

  /** The compiled app; compiled again only after a dependency override changed. */
  #compile(): CompiledApp {
    this.#compiled ??= compileApp({
      options: this.#options,
      entries: this.entries,
      middleware: this.middleware,
      mounts: this.#mounts,
      websockets: this.#websockets,
      overrides: this.#overrides,
      exceptionHandlers: this.#exceptionHandlers,
      logger: this.#logger,
      rootPath: this.#rootPath(),
    })
    return this.#compiled
  }
}

/** The `{ deps }` of the app's options, carried in its type for the client. */
type AppDeps<O> = O extends { deps: infer D extends DepsSpec } ? { deps: D } : never

/** Create an application: its OpenAPI metadata, docs URLs, app-wide dependencies and limits. */
export function createApp<const O extends AppOptions = {}>(options?: O): App<never, AppDeps<O>> {
  return new App(options)
}
