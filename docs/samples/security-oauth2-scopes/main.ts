import { errors, jwtVerify, SignJWT } from 'jose'
import {
  constantTimeEqual,
  createApp,
  dependency,
  HTTPException,
  oauth2PasswordBearer,
  passwordRequest,
  passwordRequestForm,
  security,
  securityScopes,
  t,
} from 'typefast'

const SECRET_KEY = new TextEncoder().encode(
  process.env.SECRET_KEY ?? '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7',
)

interface User {
  username: string
  full_name: string
  disabled: boolean
  /** The scopes this user may be granted. */
  scopes: string[]
}

const fakeUsersDb: Record<string, User & { password: string }> = {
  johndoe: { username: 'johndoe', full_name: 'John Doe', disabled: false, scopes: ['me', 'items'], password: 'secret' },
  alice: { username: 'alice', full_name: 'Alice Chains', disabled: false, scopes: ['me'], password: 'secret2' },
}

// Each scope the API knows, with the description Swagger UI shows next to its checkbox.
const oauth2Scheme = oauth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
})

const currentUser = dependency({ deps: { securityScopes, token: oauth2Scheme } }, async function currentUser({ deps }) {
  // The scopes every dependent asked for, accumulated down the graph.
  const authenticateValue =
    deps.securityScopes.scopes.length > 0 ? `Bearer scope="${deps.securityScopes.scopeStr}"` : 'Bearer'
  const credentialsException = new HTTPException(401, 'Could not validate credentials', {
    'WWW-Authenticate': authenticateValue,
  })
  let username: string | undefined
  let tokenScopes: string[]
  try {
    const { payload } = await jwtVerify(deps.token, SECRET_KEY, { algorithms: ['HS256'] })
    username = payload.sub
    tokenScopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : []
  } catch (error) {
    if (error instanceof errors.JOSEError) throw credentialsException
    throw error
  }
  const user = username !== undefined && Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined
  if (user === undefined) throw credentialsException
  for (const scope of deps.securityScopes.scopes) {
    if (!tokenScopes.includes(scope)) {
      throw new HTTPException(403, 'Not enough permissions', { 'WWW-Authenticate': authenticateValue })
    }
  }
  return user
})

// `security(dep, { scopes })` is FastAPI's Security(dep, scopes=[...]): the route needs the dependency, with these scopes.
const currentActiveUser = dependency(
  { deps: { user: security(currentUser, { scopes: ['me'] }) } },
  function currentActiveUser({ deps }) {
    if (deps.user.disabled) throw new HTTPException(400, 'Inactive user')
    return deps.user
  },
)

// Named as the User model of FastAPI's tutorial: what the API answers of a user.
const UserOut = t.Object({ username: t.String(), full_name: t.String(), disabled: t.Boolean() }, { $id: 'User' })

export const app = createApp()
  .post('/token', { form: passwordRequestForm }, async function login({ form }) {
    const { username, password, scopes } = passwordRequest(form)
    const user = Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined
    // A real app stores a scrypt hash (previous page); compare secrets in constant time either way.
    if (user === undefined || !constantTimeEqual(password, user.password)) {
      throw new HTTPException(400, 'Incorrect username or password')
    }
    // Grant only the scopes asked for that the user may have.
    const granted = scopes.filter((scope) => user.scopes.includes(scope))
    const accessToken = await new SignJWT({ scope: granted.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setExpirationTime('30m')
      .sign(SECRET_KEY)
    return { access_token: accessToken, token_type: 'bearer' }
  })
  .get('/users/me/', { deps: { user: currentActiveUser }, response: UserOut }, function readUsersMe({ deps }) {
    return deps.user
  })
  .get(
    '/users/me/items/',
    { deps: { user: security(currentActiveUser, { scopes: ['items'] }) } },
    function readOwnItems({ deps }) {
      return [{ item_id: 'Foo', owner: deps.user.username }]
    },
  )
  .get('/status/', { deps: { user: currentUser } }, function readSystemStatus() {
    return { status: 'ok' }
  })
