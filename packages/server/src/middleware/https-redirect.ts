import type { Middleware } from '@typefast/router'
import { redirect } from '../responses/responses.js'

export interface HttpsRedirectOptions {
  /** Believe X-Forwarded-Proto (only behind a proxy that sets it). Default false. */
  trustForwardedProto?: boolean
}

/** Redirect every plain-HTTP request to HTTPS with 307, keeping method and body (Starlette's HTTPSRedirectMiddleware). */
export function httpsRedirect(options: HttpsRedirectOptions = {}): Middleware {
  const trustForwarded = options.trustForwardedProto ?? false
  return (request, next) => {
    const encrypted = (request.raw?.socket as { encrypted?: boolean } | undefined)?.encrypted === true
    const forwarded = trustForwarded
      ? String(request.headers['x-forwarded-proto'] ?? '')
          .split(',')[0]
          ?.trim()
      : ''
    if (encrypted || forwarded === 'https') return next()
    const host = request.headers.host ?? 'localhost'
    // The default ports are dropped: http://example.com:80/a becomes https://example.com/a.
    const bare = host.replace(/:(80|443)$/, '')
    return redirect(`https://${bare}${request.url}`)
  }
}
