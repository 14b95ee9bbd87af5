import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Middleware } from '@typefast/router'
import type { RouteTable } from '@typefast/router/internal'
import type { ExceptionHandlers } from '../exceptions/exception-handlers.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { CapturedContext } from '../middleware/captured-context.js'
import { composeMiddleware, type Endpoint, serveCaptured } from '../middleware/middleware-chain.js'
import type { CompiledRoute } from '../pipeline/compile-route.js'
import type { AnswerRuntime } from '../pipeline/outcome.js'
import { RequestContext } from '../pipeline/request-context.js'
import type { HttpResponse } from '../responses/responses.js'
import { dispatchToMount, type Mount, mountFor } from './mount.js'

type Lookup = ReturnType<RouteTable<CompiledRoute>['lookup']>

/**
 * The app's one dispatcher, compiled at start-up. `respond` is the transport-neutral core: a
 * request's context in, its final response object out, the app's middleware around the routing.
 * `serve` is the node:http entry: the same matching and the same answers, written straight to
 * the socket when there is no middleware (the fast path), through `respond` when there is.
 */
export interface Dispatcher {
  serve(req: IncomingMessage, res: ServerResponse): void
  respond: Endpoint
  /**
   * app.fetch's direct entry: as `respond`, but undefined, having run nothing, for a request that
   * needs a node request stream: a form route's (its parser reads one) or a mounted app's (it is
   * served by its node:http listener).
   */
  respondDirect(context: CapturedContext): HttpResponse | Promise<HttpResponse> | undefined
}

export interface DispatcherParts {
  table: RouteTable<CompiledRoute>
  middleware: readonly Middleware[]
  mounts: readonly Mount[]
  exceptionHandlers: ExceptionHandlers
  runtime: AnswerRuntime
}

/**
 * A request no route matches, as an error: an `HTTPException` handler sees 404 and 405 too, as in
 * Starlette, with middleware or without; without one the answer is FastAPI's.
 */
function miss(found: Exclude<Lookup, { kind: 'found' }>): HTTPException {
  return found.kind === 'method-not-allowed'
    ? new HTTPException(405, 'Method Not Allowed', { allow: found.allow })
    : new HTTPException(404, 'Not Found')
}

export function compileDispatcher({
  table,
  middleware,
  mounts,
  exceptionHandlers,
  runtime,
}: DispatcherParts): Dispatcher {
  // The app's routing as the innermost step of its middleware: it sees every request, 404s, 405s
  // and the docs included (a CORS preflight must be answered before any route is matched).
  const routing: Endpoint = (context) => {
    const { req } = context
    const found = table.lookup(req.method ?? 'GET', req.url ?? '/')
    if (found.kind === 'found') return found.route.respond(context, found.params, found.query)
    return exceptionHandlers.respond(miss(found), context)
  }
  const respond = composeMiddleware(middleware, routing)
  // Mounted apps answer for themselves, outside this app's middleware, for paths it does not route.
  const toMount = (req: IncomingMessage, res: ServerResponse) =>
    mounts.length > 0 &&
    table.lookup(req.method ?? 'GET', req.url ?? '/').kind === 'not-found' &&
    dispatchToMount(mounts, req, res)

  const respondDirect = (context: CapturedContext) => {
    const { req } = context
    const url = req.url ?? '/'
    const found = table.lookup(req.method ?? 'GET', url)
    if (found.kind === 'found') {
      if (found.route.streamsRequest) return undefined
      return middleware.length === 0 ? found.route.respond(context, found.params, found.query) : respond(context)
    }
    if (found.kind === 'not-found' && mounts.length > 0 && mountFor(mounts, url) !== undefined) return undefined
    return middleware.length === 0 ? exceptionHandlers.respond(miss(found), context) : respond(context)
  }

  if (middleware.length > 0) {
    return {
      respond,
      respondDirect,
      serve(req, res) {
        if (!toMount(req, res)) serveCaptured(new CapturedContext(req, res), respond, runtime)
      },
    }
  }
  return {
    respond,
    respondDirect,
    serve(req, res) {
      const found = table.lookup(req.method ?? 'GET', req.url ?? '/')
      if (found.kind === 'found') found.route.handle(req, res, found.params, found.query)
      else if (found.kind === 'method-not-allowed' || !dispatchToMount(mounts, req, res))
        exceptionHandlers.handle(miss(found), new RequestContext(req, res))
    },
  }
}
