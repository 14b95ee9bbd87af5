import { type IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { AnyDependency, InputSpec } from '@typefast/dependency-resolution'
import { compileDependencyPlan, mergeInputSchemas, RequestScope } from '@typefast/dependency-resolution/internal'
import type { HandlerContext } from '@typefast/router'
import { RouteTable } from '@typefast/router/internal'
import type { Static, TSchema } from '@typefast/validation'
import type { WebSocketServer } from 'ws'
import { WebSocketHandlerError } from '../errors.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { lazyRequire } from '../lazy-require.js'
import type { Logger } from '../logging/logger.js'
import { afterResponse, succeeded } from '../pipeline/after-response.js'
import { compileInputStage } from '../pipeline/input-stage.js'
import { RequestContext } from '../pipeline/request-context.js'
import {
  compileMessages,
  type MessageSchemas,
  WebSocketConnection,
  WebSocketValidationError,
} from './websocket-connection.js'

// Required on first use: start-up time and RSS of apps without WebSocket routes.
const loadWs = lazyRequire<typeof import('ws', { with: { 'resolution-mode': 'require' }})>('ws')

/** A WebSocket route's inputs (params, query, headers, cookies, deps) and message schemas. */
export interface WebSocketSpec extends InputSpec, MessageSchemas {}

type StaticOr<S, K extends string> = S extends { [P in K]: infer T extends TSchema } ? Static<T> : unknown

export type WebSocketContext<P extends string, S> = HandlerContext<P, S> & {
  socket: WebSocketConnection<StaticOr<S, 'receive'>, StaticOr<S, 'send'>>
}

export type WebSocketHandler<P extends string, S> = (context: WebSocketContext<P, S>) => unknown

interface Registered {
  path: string
  spec: WebSocketSpec
  handler: (context: any) => unknown
}

export interface WebSocketRuntime {
  overrides: ReadonlyMap<AnyDependency, AnyDependency>
  /** The app's dependencies, which run for its WebSocket routes as for its HTTP routes. */
  sharedDeps: readonly AnyDependency[]
  onBackgroundError(error: unknown, taskName: string): void
  logger: Logger
  onTeardownError(error: unknown, dependencyName: string): void
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

class SocketContext extends RequestContext {
  socket: WebSocketConnection | undefined = undefined
}

/** The app's WebSocket routes, compiled into one `upgrade` handler. */
export class WebSocketRoutes {
  readonly #routes: Registered[] = []
  #server: WebSocketServer | undefined

  add(path: string, spec: WebSocketSpec, handler: (context: any) => unknown): void {
    if (typeof handler !== 'function') throw new WebSocketHandlerError(path)
    this.#routes.push({ path, spec, handler })
  }

  get size(): number {
    return this.#routes.length
  }

  get paths(): string[] {
    return this.#routes.map((route) => route.path)
  }

  /** Close every open connection with 1001 (going away), as the server stops. */
  closeAll(): void {
    for (const client of this.#server?.clients ?? []) client.close(1001, 'Server shutting down')
  }

  compile(runtime: WebSocketRuntime): UpgradeHandler {
    const table = new RouteTable<
      (req: IncomingMessage, ws: import('ws').WebSocket, params: Record<string, string>, query: string) => void
    >()
    for (const route of this.#routes) table.add('GET', route.path, compileSocketRoute(route, runtime))
    this.#server ??= new (loadWs().WebSocketServer)({ noServer: true })
    const server = this.#server
    return (req, socket, head) => {
      const found = table.lookup('GET', req.url ?? '/')
      if (found.kind !== 'found' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return
      }
      server.handleUpgrade(req, socket, head, (ws) => found.route(req, ws, found.params, found.query))
    }
  }
}

function compileSocketRoute(route: Registered, runtime: WebSocketRuntime) {
  const label = `WEBSOCKET ${route.path}`
  const plan = compileDependencyPlan(route.spec.deps, runtime.sharedDeps, { label, overrides: runtime.overrides })
  const { params, query, headers, cookies } = route.spec
  const inputs = mergeInputSchemas({ params, query, headers, cookies }, plan.inputs, {
    a: label,
    b: `the dependencies of ${label}`,
  })
  const input = compileInputStage(inputs)
  const messages = compileMessages(route.spec)
  const handler = route.handler

  return (req: IncomingMessage, ws: import('ws').WebSocket, rawParams: Record<string, string>, rawQuery: string) => {
    const context = new SocketContext(req, new ServerResponse(req))
    const connection = new WebSocketConnection(ws, messages)
    context.socket = connection
    const errors = input.validate(context, rawParams, rawQuery)
    // FastAPI closes with 1008 (policy violation) and the errors as the reason.
    if (errors !== undefined) {
      connection.close(1008, JSON.stringify(errors))
      return
    }
    const scope = plan.empty ? undefined : new RequestScope(runtime.onTeardownError)
    void (async () => {
      let failure: unknown = succeeded
      try {
        if (scope !== undefined) context.deps = await plan.run(context, scope)
        await handler(context)
        connection.close(1000)
      } catch (error) {
        failure = error
        if (error instanceof HTTPException) connection.close(1008, String(error.detail))
        else if (!(error instanceof WebSocketValidationError)) {
          runtime.logger.error({ err: error, url: req.url }, 'Unhandled error in WebSocket handler')
          connection.close(1011, 'Internal Server Error')
        }
      }
      // The connection is the response: its end is the last byte.
      await connection.closed
      afterResponse(context, scope, runtime.onBackgroundError, failure)
    })()
  }
}
