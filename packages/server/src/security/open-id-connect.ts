import type { Dependency } from '@typefast/dependency-resolution'
import { authorizationHeader, bearerDependency, type Checked, type SchemeOptions } from './scheme.js'

export interface OpenIdConnectOptions extends SchemeOptions {
  /** The OpenID Connect discovery document: `https://issuer/.well-known/openid-configuration`. */
  url: string
}

/**
 * OpenID Connect (FastAPI's OpenIdConnect): documents the discovery URL and yields the whole
 * Authorization header; verifying the token against the issuer is yours to do.
 */
export function openIdConnect<const O extends OpenIdConnectOptions>(options: O): Dependency<Checked<string, O>, {}> {
  return bearerDependency(
    'OpenIdConnect',
    { type: 'openIdConnect', openIdConnectUrl: options.url },
    options,
    authorizationHeader,
  )
}
