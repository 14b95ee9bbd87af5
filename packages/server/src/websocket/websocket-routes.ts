import { type IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { AnyDependency } from '@typefast/dependency-resolution'
import { compileDependencyPlan, mergeInputSchemas, RequestScope } from '@typefast/dependency-resolution/internal'
import { type ResolvedWebSocketRoute, RouteTable } from '@typefast/router/internal'
import type { WebSocketServer } from 'ws'
import { HTTPException } from '../exceptions/http-exception.js'
import { lazyRequire } from '../lazy-require.js'
import type { Logger } from '../logging/logger.js'
import { afterResponse, succeeded } from '../pipeline/after-response.js'
import { compileInputStage } from '../pipeline/input-stage.js'
import { RequestContext } from '../pipeline/request-context.js'
import { compileMessages, WebSocketConnection, WebSocketValidationError } from './websocket-connection.js'

// Required on first use: start-up time and RSS of apps without WebSocket routes.
const loadWs = lazyRequire<typeof import('ws', { with: { 'resolution-mode': 'require' }})>('ws')

export interface WebSocketRuntime {
  overrides: ReadonlyMap<AnyDependency, AnyDependency>
  onBackgroundError(error: unknown, taskName: string): void
  logger: Logger
  onTeardownError(error: unknown, dependencyName: string): void
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

class SocketContext extends RequestContext {
  socket: WebSocketConnection | undefined = undefined
}

/**
 * The app's WebSocket routes (its own and its routers', resolved by `flatten`), compiled into one
 * `upgrade` handler on one `ws` server, which outlives recompiles so `closeAll` reaches every client.
 */
export class WebSocketRoutes {
  #server: WebSocketServer | undefined

  /** Close every open connection with 1001 (going away), as the server stops. */
  closeAll(): void {
    for (const client of this.#server?.clients ?? []) client.close(1001, 'Server shutting down')
  }

  compile(routes: readonly ResolvedWebSocketRoute[], runtime: WebSocketRuntime): UpgradeHandler {
    const table = new RouteTable<
      (req: IncomingMessage, ws: import('ws').WebSocket, params: Record<string, string>, query: string) => void
    >()
    for (const route of routes) table.add('GET', route.path, compileSocketRoute(route, runtime))
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

function compileSocketRoute(route: ResolvedWebSocketRoute, runtime: WebSocketRuntime) {
  const label = `WEBSOCKET ${route.path}`
  const plan = compileDependencyPlan(route.spec.deps, route.sharedDeps, { label, overrides: runtime.overrides })
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
