import type { Middleware, RouteTable } from '@typefast/router'
import type { CapturedContext } from '../middleware/captured-context.js'
import { composeMiddleware, type Endpoint } from '../middleware/middleware-chain.js'
import { json } from '../responses/responses.js'
import type { CompiledRoute } from '../pipeline/compile-route.js'

/**
 * The app's middleware around its routing: it sees every request, 404s, 405s and the docs pages
 * included (a CORS preflight must be answered before any route is matched). Misses answer at
 * once, without a promise: the chain makes one only where something waits.
 */
export function compileAppChain(middleware: readonly Middleware[], table: RouteTable<CompiledRoute>): Endpoint {
  const route: Endpoint = (context: CapturedContext) => {
    const { req } = context
    const found = table.lookup(req.method ?? 'GET', req.url ?? '/')
    if (found.kind === 'found') return found.route.respond(context, found.params, found.query)
    if (found.kind === 'method-not-allowed') {
      return json({ detail: 'Method Not Allowed' }, { status: 405, headers: { allow: found.allow } })
    }
    return json({ detail: 'Not Found' }, { status: 404 })
  }
  return composeMiddleware(middleware, route)
}
