import { type Static, t } from '@typefast/validation'

/** The OAuth2 password request (RFC 6749 §4.3.2) as typefast hands it to your `/token` route. */
export interface PasswordRequest {
  /** 'password' when the client sent it; the strict form requires it. */
  readonly grantType: string | undefined
  readonly username: string
  readonly password: string
  /** The `scope` field split on spaces: `'tasks:read tasks:write'` is `['tasks:read', 'tasks:write']`. */
  readonly scopes: string[]
  readonly clientId: string | undefined
  readonly clientSecret: string | undefined
}

/**
 * The form a client posts to your token URL in the OAuth2 password flow (what Swagger UI's
 * Authorize button sends), FastAPI's OAuth2PasswordRequestForm: `username`, `password`, a
 * `scope` string (default ''), and optional `grant_type` (if sent, 'password'), `client_id` and
 * `client_secret`. Declare it as the route's form and read it with `passwordRequest(form)`:
 * `post('/token', { form: passwordRequestForm }, ({ form }) => { const { username, password, scopes } = passwordRequest(form) })`.
 */
export const passwordRequestForm = t.Object({
  // FastAPI's `str | None = None`s: documented as anyOf [string, null], as its form is.
  grant_type: t.Optional(t.Union([t.String({ pattern: '^password$' }), t.Null()])),
  username: t.String(),
  password: t.String({ format: 'password' }),
  scope: t.String({ default: '' }),
  client_id: t.Optional(t.Union([t.String(), t.Null()])),
  client_secret: t.Optional(t.Union([t.String(), t.Null()], { format: 'password' })),
})

/** `passwordRequestForm` with `grant_type=password` required, as RFC 6749 says (FastAPI's OAuth2PasswordRequestFormStrict). */
export const passwordRequestFormStrict = t.Object({
  grant_type: t.String({ pattern: '^password$' }),
  username: t.String(),
  password: t.String({ format: 'password' }),
  scope: t.String({ default: '' }),
  client_id: t.Optional(t.Union([t.String(), t.Null()])),
  client_secret: t.Optional(t.Union([t.String(), t.Null()], { format: 'password' })),
})

/** The validated fields of either form, as the handler receives them. */
export type PasswordRequestFields = Static<typeof passwordRequestForm>

/** The password request of a validated form, with `scope` split on spaces into `scopes`. */
export function passwordRequest(form: PasswordRequestFields): PasswordRequest {
  return {
    grantType: form.grant_type ?? undefined,
    username: form.username,
    password: form.password,
    scopes: form.scope.split(' ').filter((scope) => scope !== ''),
    clientId: form.client_id ?? undefined,
    clientSecret: form.client_secret ?? undefined,
  }
}
