import type { AnyDependency } from '@typefast/dependency-resolution'
import type { OperationSource } from '@typefast/openapi'
import type { Middleware, RouterChild } from '@typefast/router'
import { flatten, flattenRoutes, RouteTable } from '@typefast/router/internal'
import { compiledApp } from '@typefast/validation/internal'
import { compileDispatcher, type Dispatcher } from '../dispatch/dispatcher.js'
import type { Mount } from '../dispatch/mount.js'
import { type DocsOptions, docsRoutes } from '../docs/docs-routes.js'
import { type BuiltDocument, buildAppDocument, documentFromJson } from '../docs/openapi-document.js'
import type { ExceptionHandlers } from '../exceptions/exception-handlers.js'
import type { Logger } from '../logging/logger.js'
import { type CompiledRoute, compileRoute, type RouteRuntime } from '../pipeline/compile-route.js'
import type { UpgradeHandler, WebSocketRoutes } from '../websocket/websocket-routes.js'
import { describeApp } from './app-description.js'
import type { AppOptions } from './app-options.js'

/** What an app declared, as `compileApp` reads it. */
export interface AppDeclaration {
  readonly options: AppOptions
  readonly entries: readonly RouterChild[]
  readonly middleware: readonly Middleware[]
  readonly mounts: readonly Mount[]
  readonly websockets: WebSocketRoutes
  readonly overrides: ReadonlyMap<AnyDependency, AnyDependency>
  readonly exceptionHandlers: ExceptionHandlers
  readonly logger: Logger
  /** Where the app's paths start for a client: a parent's mount prefix, then `rootPath`. */
  readonly rootPath: string
}

/** An app compiled at start-up: nothing here is built per request. */
export interface CompiledApp {
  readonly dispatcher: Dispatcher
  /** The WebSocket routes' upgrade handler; undefined when there are none. */
  readonly upgrade: UpgradeHandler | undefined
  /** The full paths of the WebSocket routes, the app's and its routers'. */
  readonly websocketPaths: readonly string[]
  readonly openapi: BuiltDocument
  /** What every route answers errors and runs the after-response work with. */
  readonly runtime: RouteRuntime
}

export function docsOptionsOf(options: AppOptions, rootPath: string): DocsOptions {
  return {
    title: options.title ?? 'typefast',
    openapiUrl: options.openapiUrl ?? '/openapi.json',
    docsUrl: options.docsUrl ?? '/docs',
    redocUrl: options.redocUrl ?? '/redoc',
    docsAssetsUrl: options.docsAssetsUrl ?? '/docs-assets',
    swaggerUiOAuth2RedirectUrl: options.swaggerUiOAuth2RedirectUrl ?? '/docs/oauth2-redirect',
    swaggerUiParameters: options.swaggerUiParameters,
    rootPath,
  }
}

/**
 * Compile the whole app: every route's pipeline into the route table, the dispatcher with the
 * middleware around it, the WebSocket routes, and the OpenAPI document (served or not), so that
 * every start-up error surfaces here, naming its route.
 */
export function compileApp(app: AppDeclaration): CompiledApp {
  const { options, logger, exceptionHandlers } = app
  const runtime: RouteRuntime = {
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    maxJsonDepth: options.maxJsonDepth ?? 200,
    formLimits: options.formLimits,
    overrides: app.overrides,
    handleError: exceptionHandlers.handle.bind(exceptionHandlers),
    respondError: exceptionHandlers.respond.bind(exceptionHandlers),
    onTeardownError: (error, dependencyName) =>
      logger.error({ err: error, dependency: dependencyName }, 'Dependency teardown failed'),
    onBackgroundError: (error, taskName) => logger.error({ err: error, task: taskName }, 'Background task failed'),
  }
  let openapi: BuiltDocument | undefined
  const builtIn = docsRoutes(docsOptionsOf(options, app.rootPath), () => openapi!.bytes)
  // The app's dependencies guard its routes, not its docs: FastAPI serves /openapi.json, /docs
  // and /redoc as plain Starlette routes, outside `dependencies=`.
  const declared = flatten(app.entries, { deps: options.deps, strict: options.strict })
  const routes = [...declared.routes, ...flattenRoutes(builtIn)]
  // Started from a build: the build must be of these routes and schemas (else a StaleBuildError).
  const built = compiledApp(describeApp(options, routes), () => openapi!.bytes.toString())
  const table = new RouteTable<CompiledRoute>()
  const operations: OperationSource[] = []
  for (const route of routes) {
    const compiled = compileRoute(route, runtime)
    table.add(route.method, route.path, compiled)
    operations.push({ route, inputs: compiled.inputs })
  }
  openapi =
    built?.openapi === undefined ? buildAppDocument(operations, options, app.rootPath) : documentFromJson(built.openapi)
  const dispatcher = compileDispatcher({
    table,
    middleware: app.middleware,
    mounts: app.mounts,
    exceptionHandlers,
    runtime,
  })
  const upgrade =
    declared.websockets.length === 0
      ? undefined
      : app.websockets.compile(declared.websockets, {
          overrides: app.overrides,
          logger,
          onTeardownError: runtime.onTeardownError,
          onBackgroundError: runtime.onBackgroundError,
        })
  const websocketPaths = declared.websockets.map((route) => route.path)
  return { dispatcher, upgrade, websocketPaths, openapi, runtime }
}
