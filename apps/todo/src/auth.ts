import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import {
  dependency,
  get,
  HTTPException,
  oauth2PasswordBearer,
  passwordRequest,
  passwordRequestForm,
  post,
  router,
  security,
  securityScopes,
  t,
} from 'typefast'
import { ALL_SCOPES, type UserRecord, type UserRepository } from './users.js'

export interface AuthOptions {
  /** The HS256 key tokens are signed with: at least 32 random bytes. */
  secret: Uint8Array
  /** How long a token is valid, in seconds. */
  tokenTtlSeconds: number
}

export const User = t.Object({ id: t.Integer(), username: t.String(), scopes: t.Array(t.String()) }, { $id: 'User' })

export const UserIn = t.Object(
  {
    username: t.String({ pattern: '^[A-Za-z0-9_.-]{3,50}$', description: '3 to 50 letters, digits, _ . or -' }),
    // No length rule here: a 422 would echo the password. It is checked in the handler instead.
    password: t.String({ format: 'password', description: '8 to 128 characters' }),
  },
  { $id: 'UserIn' },
)

export const Token = t.Object(
  { access_token: t.String(), token_type: t.Literal('bearer'), expires_in: t.Integer(), scope: t.String() },
  { $id: 'Token' },
)

/** The password flow: Swagger UI's Authorize button posts the form to `token`, next to /openapi.json. */
export const oauth2Scheme = oauth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { 'tasks:read': 'Read your tasks.', 'tasks:write': 'Create, change and delete your tasks.' },
})

const ALGORITHM = 'HS256'

/** Users, tokens, and the `currentUser` dependency that the task routes ask for with their scopes. */
export function authentication(users: UserRepository, options: AuthOptions) {
  const { secret, tokenTtlSeconds } = options
  if (secret.byteLength < 32) throw new TypeError('authentication: the JWT secret must have at least 32 bytes')

  async function issueToken(user: UserRecord, scopes: string[]) {
    const access_token = await new SignJWT({ scope: scopes.join(' ') })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(user.id))
      .setIssuedAt()
      .setExpirationTime(`${tokenTtlSeconds}s`)
      .sign(secret)
    return { access_token, token_type: 'bearer' as const, expires_in: tokenTtlSeconds, scope: scopes.join(' ') }
  }

  /**
   * The user of the bearer token, checked against the scopes the routes above require
   * (FastAPI's OAuth2 scopes tutorial): 401 for a missing, forged or expired token, 403 for a
   * token without a scope.
   */
  const currentUser = dependency(
    { deps: { securityScopes, token: oauth2Scheme } },
    async function currentUser({ deps }): Promise<UserRecord> {
      const required = deps.securityScopes
      const challenge = required.scopes.length > 0 ? `Bearer scope="${required.scopeStr}"` : 'Bearer'
      const refuse = () => new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': challenge })
      let subject: string | undefined
      let granted: string[]
      try {
        const { payload } = await jwtVerify(deps.token, secret, {
          algorithms: [ALGORITHM],
          requiredClaims: ['sub', 'exp'],
        })
        subject = payload.sub
        granted = typeof payload.scope === 'string' ? payload.scope.split(' ') : []
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) throw refuse()
        throw error
      }
      const user = subject !== undefined && /^\d+$/.test(subject) ? users.get(Number(subject)) : undefined
      if (user === undefined) throw refuse()
      for (const scope of required.scopes) {
        if (!granted.includes(scope)) {
          throw new HTTPException(403, 'Not enough permissions', { 'WWW-Authenticate': challenge })
        }
      }
      return user
    },
  )

  const routes = router(
    { tags: ['users'] },
    post('/users', { body: UserIn, status: 201, response: User }, async function signUp({ body }) {
      if (body.password.length < 8 || body.password.length > 128) {
        throw new HTTPException(422, [
          { type: 'password_length', loc: ['body', 'password'], msg: 'The password must have 8 to 128 characters' },
        ])
      }
      const user = await users.create(body.username, body.password)
      if (user === undefined) throw new HTTPException(409, 'Username already registered')
      return user
    }),
    post('/token', { form: passwordRequestForm, response: Token }, async function login({ form }) {
      const { username, password, scopes } = passwordRequest(form)
      const user = await users.authenticate(username, password)
      if (user === undefined) throw new HTTPException(400, 'Incorrect username or password')
      // The scopes asked for that the user has; all of them when none were asked for.
      const granted = scopes.length === 0 ? user.scopes : user.scopes.filter((scope) => scopes.includes(scope))
      return issueToken(user, granted)
    }),
    get('/users/me', { deps: { user: currentUser }, response: User }, function readUsersMe({ deps }) {
      return deps.user
    }),
  )

  return {
    currentUser,
    /** The user, with a token allowed to read tasks. */
    reader: security(currentUser, { scopes: ['tasks:read'] }),
    /** The user, with a token allowed to change tasks. */
    writer: security(currentUser, { scopes: ['tasks:write'] }),
    routes,
    issueToken,
  }
}

export { ALL_SCOPES }
