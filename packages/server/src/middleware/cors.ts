import type { Middleware } from '@typefast/router'
import { text } from '../responses/responses.js'
import { addVary } from './headers.js'

export interface CorsOptions {
  /** Origins allowed, e.g. ['https://example.com']; ['*'] for any. Default none. */
  allowOrigins?: readonly string[]
  /** A regular expression an origin may match instead (whole-string match). */
  allowOriginRegex?: string | RegExp
  /** Methods allowed in a preflight; ['*'] for all. Default ['GET']. */
  allowMethods?: readonly string[]
  /** Request headers allowed in a preflight, beyond the CORS-safelisted ones; ['*'] for any. */
  allowHeaders?: readonly string[]
  /** Allow cookies and credentials across origins. Default false. */
  allowCredentials?: boolean
  /** Response headers the browser may read. */
  exposeHeaders?: readonly string[]
  /** Seconds a browser may cache a preflight answer. Default 600. */
  maxAge?: number
}

const allMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
const safelistedHeaders = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type']

/** Cross-Origin Resource Sharing, with the options and behaviour of Starlette's CORSMiddleware. */
export function cors(options: CorsOptions = {}): Middleware {
  const origins = options.allowOrigins ?? []
  const methods = options.allowMethods ?? ['GET']
  const allowHeaders = options.allowHeaders ?? []
  const credentials = options.allowCredentials ?? false
  const allowAllOrigins = origins.includes('*')
  const allowAllHeaders = allowHeaders.includes('*')
  const originRegex =
    options.allowOriginRegex === undefined
      ? undefined
      : new RegExp(
          `^(?:${typeof options.allowOriginRegex === 'string' ? options.allowOriginRegex : options.allowOriginRegex.source})$`,
        )
  const explicitOrigin = !allowAllOrigins || credentials
  const allowedMethods = methods.includes('*') ? allMethods : methods.map((m) => m.toUpperCase())
  const headerList = [...new Set([...safelistedHeaders, ...allowHeaders])].sort()
  const allowedHeaders = new Set(headerList.map((h) => h.toLowerCase()))

  const simpleHeaders: Record<string, string> = {}
  if (allowAllOrigins) simpleHeaders['access-control-allow-origin'] = '*'
  if (credentials) simpleHeaders['access-control-allow-credentials'] = 'true'
  if (options.exposeHeaders?.length) simpleHeaders['access-control-expose-headers'] = options.exposeHeaders.join(', ')

  const preflightHeaders: Record<string, string> = {}
  if (explicitOrigin) preflightHeaders.vary = 'Origin'
  else preflightHeaders['access-control-allow-origin'] = '*'
  preflightHeaders['access-control-allow-methods'] = allowedMethods.join(', ')
  preflightHeaders['access-control-max-age'] = String(options.maxAge ?? 600)
  if (allowHeaders.length > 0 && !allowAllHeaders)
    preflightHeaders['access-control-allow-headers'] = headerList.join(', ')
  if (credentials) preflightHeaders['access-control-allow-credentials'] = 'true'

  const isAllowedOrigin = (origin: string) =>
    allowAllOrigins || origins.includes(origin) || originRegex?.test(origin) === true

  return async (request, next) => {
    const origin = request.headers.origin
    if (origin === undefined) return next()
    const requestedMethod = request.headers['access-control-request-method']
    if (request.method === 'OPTIONS' && requestedMethod !== undefined) {
      // Object.assign, not a spread: keys added to a spread copy cost V8 a new map each.
      const headers: Record<string, string> = Object.assign({}, preflightHeaders)
      const failures: string[] = []
      if (isAllowedOrigin(origin)) {
        if (explicitOrigin) headers['access-control-allow-origin'] = origin
      } else failures.push('origin')
      if (!allowedMethods.includes(requestedMethod)) failures.push('method')
      const requestedHeaders = request.headers['access-control-request-headers']
      if (allowAllHeaders && requestedHeaders !== undefined) {
        headers['access-control-allow-headers'] = requestedHeaders
      } else if (requestedHeaders !== undefined) {
        for (const header of requestedHeaders.split(',')) {
          const name = header.trim().toLowerCase()
          if (name !== '' && !allowedHeaders.has(name)) {
            failures.push('headers')
            break
          }
        }
      }
      if (failures.length > 0) return text(`Disallowed CORS ${failures.join(', ')}`, { status: 400, headers })
      return text('OK', { headers })
    }
    const response = await next()
    Object.assign(response.headers, simpleHeaders)
    const hasCookie = request.headers.cookie !== undefined
    if ((allowAllOrigins && hasCookie) || (!allowAllOrigins && isAllowedOrigin(origin))) {
      response.headers['access-control-allow-origin'] = origin
      addVary(response.headers, 'Origin')
    }
    return response
  }
}
