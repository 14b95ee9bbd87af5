import type { Middleware } from '@typefast/router'
import { redirect, text } from '../responses/responses.js'

export interface TrustedHostOptions {
  /** Host names served: 'example.com', '*.example.com' (any subdomain), or '*'. Default ['*']. */
  allowedHosts?: readonly string[]
  /** Redirect example.com to www.example.com when only the latter is allowed. Default true. */
  wwwRedirect?: boolean
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  const colon = host.indexOf(':')
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase()
}

/** Answer 400 to a request whose Host header is not one of `allowedHosts` (Starlette's TrustedHostMiddleware). */
export function trustedHost(options: TrustedHostOptions = {}): Middleware {
  const allowed = (options.allowedHosts ?? ['*']).map((host) => host.toLowerCase())
  const wwwRedirect = options.wwwRedirect ?? true
  if (allowed.includes('*')) return (_request, next) => next()
  const matches = (host: string) =>
    allowed.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern))
  return (request, next) => {
    const host = hostName(request.headers.host ?? '')
    if (matches(host)) return next()
    if (wwwRedirect && allowed.includes(`www.${host}`)) {
      const encrypted = (request.raw?.socket as { encrypted?: boolean } | undefined)?.encrypted === true
      return redirect(`${encrypted ? 'https' : 'http'}://www.${request.headers.host}${request.url}`)
    }
    return text('Invalid host header', { status: 400 })
  }
}
