import type { Dependency } from '@typefast/dependency-resolution'
import type { RequestInfo } from '@typefast/http'
import { SecurityOptionError } from '../errors.js'
import { parseCookies } from '../pipeline/cookie-parser.js'
import { type Checked, type SchemeOptions, securityDependency } from './scheme.js'

export interface APIKeyOptions extends SchemeOptions {
  /** The header, query parameter or cookie that carries the key. */
  name: string
}

type Location = 'header' | 'query' | 'cookie'

// The challenge FastAPI sends for API keys: not standardized, but a 401 must carry one.
const challenge = 'APIKey'

function apiKey<O extends APIKeyOptions>(
  location: Location,
  schemeName: string,
  options: O,
  read: (request: RequestInfo, name: string) => string | undefined,
): Dependency<Checked<string, O>, {}> {
  const name = options.name
  if (typeof name !== 'string' || name === '')
    throw new SecurityOptionError(
      `${schemeName}({ name }): name must be a non-empty string, the header, query or cookie name to read the key from`,
    )
  return securityDependency(schemeName, { type: 'apiKey', in: location, name }, options, challenge, (request) => {
    const key = read(request, name)
    return key === undefined || key === '' ? undefined : key
  }) as Dependency<Checked<string, O>, {}>
}

/** An API key in a request header (FastAPI's APIKeyHeader): yields the key. Compare it with `constantTimeEqual`. */
export function apiKeyHeader<const O extends APIKeyOptions>(options: O): Dependency<Checked<string, O>, {}> {
  const header = options.name?.toLowerCase()
  return apiKey('header', 'APIKeyHeader', options, (request) => {
    const value = request.headers[header]
    return typeof value === 'string' ? value : undefined
  })
}

/**
 * An API key in a query parameter (FastAPI's APIKeyQuery): yields the key. Keys in URLs end up in
 * proxies' and browsers' histories; prefer a header where you can.
 */
export function apiKeyQuery<const O extends APIKeyOptions>(options: O): Dependency<Checked<string, O>, {}> {
  return apiKey('query', 'APIKeyQuery', options, (request, name) => {
    const url = request.url
    const mark = url.indexOf('?')
    if (mark === -1) return undefined
    return new URLSearchParams(url.slice(mark + 1)).get(name) ?? undefined
  })
}

/** An API key in a cookie (FastAPI's APIKeyCookie): yields the key. */
export function apiKeyCookie<const O extends APIKeyOptions>(options: O): Dependency<Checked<string, O>, {}> {
  return apiKey('cookie', 'APIKeyCookie', options, (request, name) => {
    const header = request.headers.cookie
    return header ? parseCookies(header)[name] : undefined
  })
}
