import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import {
  createApp,
  dependency,
  HTTPException,
  oauth2PasswordBearer,
  passwordRequest,
  passwordRequestForm,
  t,
} from 'typefast'

// In a real app: a secret of at least 32 random bytes from the environment, never in the code.
const SECRET_KEY = new TextEncoder().encode(
  process.env.SECRET_KEY ?? '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7',
)
const ACCESS_TOKEN_EXPIRE_MINUTES = 30

/** `salt:hash`, both hex: scrypt with a random salt per password. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `${salt.toString('hex')}:${scryptSync(password, salt, 64).toString('hex')}`
}

function verifyPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(':')
  const candidate = scryptSync(password, Buffer.from(salt!, 'hex'), 64)
  return timingSafeEqual(candidate, Buffer.from(hash!, 'hex'))
}

interface UserInDB {
  username: string
  full_name: string
  email: string
  hashed_password: string
  disabled: boolean
}

const fakeUsersDb: Record<string, UserInDB> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    hashed_password: hashPassword('secret'),
    disabled: false,
  },
}

// Checked when the user does not exist, so that a wrong name takes as long as a wrong password.
const DUMMY_HASH = hashPassword('dummy password')

function authenticateUser(username: string, password: string): UserInDB | undefined {
  const user = Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined
  const matches = verifyPassword(password, user?.hashed_password ?? DUMMY_HASH)
  return user !== undefined && matches ? user : undefined
}

const Token = t.Object({ access_token: t.String(), token_type: t.String() }, { $id: 'Token' })
const User = t.Object(
  { username: t.String(), email: t.String(), full_name: t.String(), disabled: t.Boolean() },
  { $id: 'User' },
)

const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token' })

const currentUser = dependency({ deps: { token: oauth2Scheme } }, async function currentUser({ deps }) {
  const credentialsException = new HTTPException(401, 'Could not validate credentials', {
    'WWW-Authenticate': 'Bearer',
  })
  try {
    const { payload } = await jwtVerify(deps.token, SECRET_KEY, { algorithms: ['HS256'] })
    const user =
      payload.sub !== undefined && Object.hasOwn(fakeUsersDb, payload.sub) ? fakeUsersDb[payload.sub] : undefined
    if (user === undefined) throw credentialsException
    return user
  } catch (error) {
    if (error instanceof errors.JOSEError) throw credentialsException
    throw error
  }
})

const currentActiveUser = dependency({ deps: { user: currentUser } }, function currentActiveUser({ deps }) {
  if (deps.user.disabled) throw new HTTPException(400, 'Inactive user')
  return deps.user
})

export const app = createApp()
  .post('/token', { form: passwordRequestForm, response: Token }, async function login({ form }) {
    const { username, password } = passwordRequest(form)
    const user = authenticateUser(username, password)
    if (user === undefined) {
      throw new HTTPException(401, 'Incorrect username or password', { 'WWW-Authenticate': 'Bearer' })
    }
    const accessToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setExpirationTime(`${ACCESS_TOKEN_EXPIRE_MINUTES}m`)
      .sign(SECRET_KEY)
    return { access_token: accessToken, token_type: 'bearer' }
  })
  .get('/users/me/', { deps: { user: currentActiveUser }, response: User }, function readUsersMe({ deps }) {
    return deps.user
  })
