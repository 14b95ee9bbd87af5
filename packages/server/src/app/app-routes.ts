import {
  type AnyRoute,
  type AnyRouter,
  type AnyWebSocketRoute,
  del,
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
  type RouterChild,
  type RouteSpec,
  type RoutesOf,
  type WebSocketHandler,
  type WebSocketSpec,
  websocket,
} from '@typefast/router'
import { AppLockedError, MiddlewareNotFunctionError, NotARouteError, WebSocketHandlerError } from '../errors.js'
import type { App } from './app.js'

/** `app.get(path, handler)` / `app.get(path, spec, handler)`: adds the route and its type to the app. */
export interface AppRouteMethod<R extends AnyRoute, M extends HttpMethod, D extends InheritedDeps> {
  <P extends string>(path: P, handler: Handler<P, {}>): App<R | Route<M, P, {}>, D>
  <P extends string, const S extends RouteSpec>(path: P, spec: S, handler: Handler<P, S>): App<R | Route<M, P, S>, D>
}

/**
 * What an app serves, declared before `ready()`: its routes, routers and WebSocket routes, and
 * the middleware around them. Each is checked as it is added; `App.ready()` compiles them and
 * locks the app, after which every call here throws `AppLockedError`.
 */
export abstract class AppRoutes<R extends AnyRoute, D extends InheritedDeps> {
  /** The routes, WebSocket routes and routers, in the order added. */
  protected readonly entries: RouterChild[] = []
  protected readonly middleware: Middleware[] = []
  #locked = false

  readonly get = this.#sugar(get, 'get') as AppRouteMethod<R, 'GET', D>
  readonly post = this.#sugar(post, 'post') as AppRouteMethod<R, 'POST', D>
  readonly put = this.#sugar(put, 'put') as AppRouteMethod<R, 'PUT', D>
  readonly patch = this.#sugar(patch, 'patch') as AppRouteMethod<R, 'PATCH', D>
  readonly delete = this.#sugar(del, 'delete') as AppRouteMethod<R, 'DELETE', D>
  readonly head = this.#sugar(head, 'head') as AppRouteMethod<R, 'HEAD', D>
  readonly options = this.#sugar(optionsRoute, 'options') as AppRouteMethod<R, 'OPTIONS', D>

  #sugar(make: RouteMaker<HttpMethod>, name: string) {
    return (...args: Parameters<typeof make>) => {
      this.unlocked(`app.${name}('${String(args[0])}')`)
      return this.add((make as (...a: unknown[]) => AnyRoute)(...args))
    }
  }

  /** Add routers (with their prefixes, tags and dependencies). */
  include<Rs extends AnyRouter[]>(...routers: Rs): App<R | RoutesOf<Rs[number]>, D> {
    return this.#register('app.include', routers)
  }

  /** Add route values (WebSocket routes too, which are not endpoints of the typed client). */
  add<Rs extends (AnyRoute | AnyWebSocketRoute)[]>(...routes: Rs): App<R | Extract<Rs[number], AnyRoute>, D> {
    return this.#register('app.add', routes)
  }

  #register(call: string, entries: RouterChild[]): App<never, never> {
    this.unlocked(call)
    for (const entry of entries) {
      if (!['route', 'websocket', 'router'].includes(entry?.kind)) throw new NotARouteError(call, entry)
    }
    this.entries.push(...entries)
    return this as unknown as App<never, never>
  }

  /**
   * Add middleware around every request (404s and the docs included), the first added outermost:
   * `app.use(async (request, next) => { const response = await next(); ...; return response })`.
   */
  use(...middleware: Middleware[]): this {
    this.unlocked('app.use')
    for (const layer of middleware) if (typeof layer !== 'function') throw new MiddlewareNotFunctionError(layer)
    this.middleware.push(...middleware)
    return this
  }

  /**
   * A WebSocket route: typed params, query, headers, cookies and deps as an HTTP route's (the
   * app's `deps` run for it too), and `socket` to receive and send JSON checked by the `receive`
   * and `send` schemas. Inputs that fail validation close the connection with 1008 and the
   * errors as the reason, as FastAPI does.
   */
  websocket<P extends string>(path: P, handler: WebSocketHandler<P, {}>): this
  websocket<P extends string, S extends WebSocketSpec>(path: P, spec: S, handler: WebSocketHandler<P, S>): this
  websocket(path: string, specOrHandler: WebSocketSpec | ((context: any) => unknown), handler?: (c: any) => unknown) {
    if (typeof (handler ?? specOrHandler) !== 'function') throw new WebSocketHandlerError(path)
    this.#register(`app.websocket('${path}')`, [websocket(path, specOrHandler as WebSocketSpec, handler!)])
    return this
  }

  /** Throws once the app is locked: `call` names what was attempted. */
  protected unlocked(call: string): void {
    if (this.#locked) throw new AppLockedError(call)
  }

  /** Called by the first `ready()`: from then on the app's routes, middleware and mounts are fixed. */
  protected lock(): void {
    this.#locked = true
  }
}
