import { type Dependency, dependency, type SecurityScheme } from '@typefast/dependency-resolution'
import type { RequestInfo } from '@typefast/http'
import { HTTPException } from '../exceptions/http-exception.js'

/** Options every security scheme takes. */
export interface SchemeOptions {
  /** Its key in `components.securitySchemes`; defaults to FastAPI's (`OAuth2PasswordBearer`, `HTTPBasic`, …). */
  schemeName?: string
  /** Shown in the docs. */
  description?: string
  /**
   * Default true: missing or malformed credentials answer 401 `{"detail":"Not authenticated"}`.
   * With false the dependency yields `undefined` instead (optional authentication, or one of several schemes).
   */
  autoError?: boolean
}

/** The value of a scheme: `undefined` possible only when `autoError: false` may be in its options. */
export type Checked<V, O> = O extends { autoError: false }
  ? V | undefined
  : O extends { autoError: true }
    ? V
    : O extends { autoError: boolean }
      ? V | undefined
      : V

/** The 401 every scheme answers with: FastAPI's body, and a challenge naming the scheme. */
export function notAuthenticated(challenge: string): HTTPException {
  return new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': challenge })
}

/** Splits an Authorization header into its scheme and the rest, as FastAPI's get_authorization_scheme_param. */
export function authorizationParts(header: string | undefined): { scheme: string; param: string } {
  if (!header) return { scheme: '', param: '' }
  const space = header.indexOf(' ')
  if (space === -1) return { scheme: header, param: '' }
  return { scheme: header.slice(0, space), param: header.slice(space + 1).trim() }
}

/** The one Authorization header of a request (a repeated one counts as missing). */
export function authorizationHeader(request: RequestInfo): string | undefined {
  const value = request.headers.authorization
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * A dependency that reads credentials from the raw request (so it declares no validated input:
 * no parameter and no 422 in the docs) and documents itself as `definition` under `name`.
 * `read` returns the credentials, or undefined when they are missing or malformed.
 */
export function securityDependency<V>(
  name: string,
  definition: Record<string, unknown>,
  options: SchemeOptions,
  challenge: string,
  read: (request: RequestInfo) => V | undefined,
): Dependency<V | undefined, {}> {
  const scheme: SecurityScheme = {
    name: options.schemeName ?? name,
    definition: Object.freeze(withDescription(definition, options.description)),
  }
  const autoError = options.autoError ?? true
  const authenticate = ({ request }: { request: RequestInfo }): V | undefined => {
    const credentials = read(request)
    if (credentials === undefined && autoError) throw notAuthenticated(challenge)
    return credentials
  }
  return dependency(authenticate, { name: scheme.name, securityScheme: scheme }) as Dependency<V | undefined, {}>
}

/** A scheme whose credentials are a string from the Authorization header, challenged with `Bearer`. */
export function bearerDependency<const O extends SchemeOptions>(
  name: string,
  definition: Record<string, unknown>,
  options: O,
  read: (request: RequestInfo) => string | undefined,
): Dependency<Checked<string, O>, {}> {
  return securityDependency(name, definition, options, 'Bearer', read) as Dependency<Checked<string, O>, {}>
}

// FastAPI's key order: type, description, then the rest.
function withDescription(
  definition: Record<string, unknown>,
  description: string | undefined,
): Record<string, unknown> {
  if (description === undefined) return { ...definition }
  const { type, ...rest } = definition
  return { type, description, ...rest }
}
