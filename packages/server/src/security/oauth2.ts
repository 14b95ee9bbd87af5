import type { Dependency } from '@typefast/dependency-resolution'
import type { RequestInfo } from '@typefast/http'
import {
  authorizationHeader,
  authorizationParts,
  bearerDependency,
  type Checked,
  type SchemeOptions,
} from './scheme.js'

/** OAuth2 scopes a scheme offers, each with its description: `{ 'items:read': 'Read items.' }`. */
export type ScopeDescriptions = Readonly<Record<string, string>>

export interface OAuth2PasswordBearerOptions extends SchemeOptions {
  /** Where clients send username and password for a token (the `/token` route), relative to the API. */
  tokenUrl: string
  refreshUrl?: string
  scopes?: ScopeDescriptions
}

export interface OAuth2AuthorizationCodeBearerOptions extends SchemeOptions {
  authorizationUrl: string
  tokenUrl: string
  refreshUrl?: string
  scopes?: ScopeDescriptions
}

/** The OpenAPI OAuth Flows Object, as written in the document. */
export type OAuthFlows = Readonly<Record<string, Readonly<Record<string, unknown>>>>

export interface OAuth2Options extends SchemeOptions {
  flows: OAuthFlows
}

// The token of `Authorization: Bearer <token>`, else undefined. The scheme is case-insensitive;
// `Bearer` alone yields an empty token, as FastAPI's OAuth2 schemes do (HTTPBearer refuses it).
function bearerToken(request: RequestInfo): string | undefined {
  const header = authorizationHeader(request)
  const { scheme, param } = authorizationParts(header)
  return header !== undefined && scheme.toLowerCase() === 'bearer' ? param : undefined
}

// The whole Authorization header: the generic OAuth2 scheme cannot know the token's form.
function wholeHeader(request: RequestInfo): string | undefined {
  return authorizationHeader(request)
}

/**
 * The generic OAuth2 scheme with the flows given (FastAPI's OAuth2): yields the whole
 * Authorization header.
 */
export function oauth2<const O extends OAuth2Options>(options: O): Dependency<Checked<string, O>, {}> {
  return bearerDependency('OAuth2', { type: 'oauth2', flows: options.flows }, options, wholeHeader)
}

/**
 * OAuth2 password flow with bearer tokens (FastAPI's OAuth2PasswordBearer): yields the token of
 * `Authorization: Bearer <token>`. Its `tokenUrl` is what Swagger UI's Authorize button posts the
 * username and password to.
 */
export function oauth2PasswordBearer<const O extends OAuth2PasswordBearerOptions>(
  options: O,
): Dependency<Checked<string, O>, {}> {
  const password = flow(options.refreshUrl, options.scopes, { tokenUrl: options.tokenUrl })
  return bearerDependency('OAuth2PasswordBearer', { type: 'oauth2', flows: { password } }, options, bearerToken)
}

/** OAuth2 authorization code flow with bearer tokens (FastAPI's OAuth2AuthorizationCodeBearer). */
export function oauth2AuthorizationCodeBearer<const O extends OAuth2AuthorizationCodeBearerOptions>(
  options: O,
): Dependency<Checked<string, O>, {}> {
  const authorizationCode = flow(options.refreshUrl, options.scopes, {
    authorizationUrl: options.authorizationUrl,
    tokenUrl: options.tokenUrl,
  })
  return bearerDependency(
    'OAuth2AuthorizationCodeBearer',
    { type: 'oauth2', flows: { authorizationCode } },
    options,
    bearerToken,
  )
}

// FastAPI's key order in a flow: refreshUrl, scopes, then the URLs.
function flow(
  refreshUrl: string | undefined,
  scopes: ScopeDescriptions | undefined,
  urls: Record<string, string>,
): Record<string, unknown> {
  return {
    ...(refreshUrl === undefined ? {} : { refreshUrl }),
    scopes: { ...scopes },
    ...urls,
  }
}
