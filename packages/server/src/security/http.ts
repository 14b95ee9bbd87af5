import type { Dependency } from '@typefast/dependency-resolution'
import type { RequestInfo } from '@typefast/http'
import { SecurityOptionError } from '../errors.js'
import {
  authorizationHeader,
  authorizationParts,
  type Checked,
  notAuthenticated,
  type SchemeOptions,
  securityDependency,
} from './scheme.js'

/** What `httpBasic()` yields: the decoded user name and password. */
export interface HTTPBasicCredentials {
  readonly username: string
  readonly password: string
}

/** What `httpBearer()` and `httpDigest()` yield: the Authorization header's scheme and the rest of it. */
export interface HTTPAuthorizationCredentials {
  readonly scheme: string
  readonly credentials: string
}

export interface HTTPBasicOptions extends SchemeOptions {
  /** Sent in the challenge, `WWW-Authenticate: Basic realm="…"`: browsers show it in their login prompt. */
  realm?: string
}

export interface HTTPBearerOptions extends SchemeOptions {
  /** A hint for the docs, e.g. 'JWT'. */
  bearerFormat?: string
}

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
// FastAPI decodes the credentials as ASCII: any other byte answers 401.
const nonAscii = /[^\p{ASCII}]/u

/**
 * HTTP Basic authentication (RFC 7617, FastAPI's HTTPBasic): yields `{ username, password }`.
 * Compare the password with `constantTimeEqual`, never with `===`. A header that is not valid
 * ASCII base64 of `user:password` answers 401 even with `autoError: false`, as FastAPI does.
 */
export function httpBasic<const O extends HTTPBasicOptions = {}>(
  options: O = {} as O,
): Dependency<Checked<HTTPBasicCredentials, O>, {}> {
  const realm = options.realm
  if (realm !== undefined && /["\\\r\n]/.test(realm)) {
    throw new SecurityOptionError(
      'httpBasic({ realm }): the realm cannot hold a quote, a backslash or a line break; pick a plain name',
    )
  }
  const challenge = realm === undefined ? 'Basic' : `Basic realm="${realm}"`
  return securityDependency(
    'HTTPBasic',
    { type: 'http', scheme: 'basic' },
    options,
    challenge,
    (request: RequestInfo): HTTPBasicCredentials | undefined => {
      const header = authorizationHeader(request)
      const { scheme, param } = authorizationParts(header)
      if (header === undefined || scheme.toLowerCase() !== 'basic') return undefined
      if (!base64.test(param)) throw notAuthenticated(challenge)
      const decoded = Buffer.from(param, 'base64').toString('latin1')
      if (nonAscii.test(decoded)) throw notAuthenticated(challenge)
      const colon = decoded.indexOf(':')
      if (colon === -1) throw notAuthenticated(challenge)
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
    },
  ) as Dependency<Checked<HTTPBasicCredentials, O>, {}>
}

/** HTTP Bearer authentication (FastAPI's HTTPBearer): yields `{ scheme, credentials }` of `Authorization: Bearer <token>`. */
export function httpBearer<const O extends HTTPBearerOptions = {}>(
  options: O = {} as O,
): Dependency<Checked<HTTPAuthorizationCredentials, O>, {}> {
  const definition: Record<string, unknown> = { type: 'http', scheme: 'bearer' }
  if (options.bearerFormat !== undefined) definition.bearerFormat = options.bearerFormat
  return securityDependency('HTTPBearer', definition, options, 'Bearer', schemeCredentials('bearer')) as Dependency<
    Checked<HTTPAuthorizationCredentials, O>,
    {}
  >
}

/**
 * HTTP Digest (FastAPI's HTTPDigest): documents the scheme and yields `{ scheme, credentials }`
 * of `Authorization: Digest …`. Checking the digest itself (RFC 7616) is yours to do.
 */
export function httpDigest<const O extends SchemeOptions = {}>(
  options: O = {} as O,
): Dependency<Checked<HTTPAuthorizationCredentials, O>, {}> {
  return securityDependency(
    'HTTPDigest',
    { type: 'http', scheme: 'digest' },
    options,
    'Digest',
    schemeCredentials('digest'),
  ) as Dependency<Checked<HTTPAuthorizationCredentials, O>, {}>
}

function schemeCredentials(expected: string) {
  return (request: RequestInfo): HTTPAuthorizationCredentials | undefined => {
    const header = authorizationHeader(request)
    const { scheme, param } = authorizationParts(header)
    if (header === undefined || param === '' || scheme.toLowerCase() !== expected) return undefined
    return { scheme, credentials: param }
  }
}
