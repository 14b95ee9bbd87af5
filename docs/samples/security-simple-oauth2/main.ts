import {
  constantTimeEqual,
  createApp,
  dependency,
  HTTPException,
  oauth2PasswordBearer,
  passwordRequest,
  passwordRequestForm,
  t,
} from 'typefast'

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
    hashed_password: 'fakehashedsecret',
    disabled: false,
  },
  alice: {
    username: 'alice',
    full_name: 'Alice Wonderson',
    email: 'alice@example.com',
    hashed_password: 'fakehashedsecret2',
    disabled: true,
  },
}

// Not a real hash: the next page uses scrypt.
const fakeHashPassword = (password: string) => `fakehashed${password}`

const User = t.Object(
  { username: t.String(), email: t.String(), full_name: t.String(), disabled: t.Boolean() },
  { $id: 'User' },
)

const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token' })

const currentUser = dependency({ deps: { token: oauth2Scheme } }, function currentUser({ deps }) {
  // This simple version uses the user name as the token.
  const user = Object.hasOwn(fakeUsersDb, deps.token) ? fakeUsersDb[deps.token] : undefined
  if (user === undefined) {
    throw new HTTPException(401, 'Invalid authentication credentials', { 'WWW-Authenticate': 'Bearer' })
  }
  return user
})

const currentActiveUser = dependency({ deps: { user: currentUser } }, function currentActiveUser({ deps }) {
  if (deps.user.disabled) throw new HTTPException(400, 'Inactive user')
  return deps.user
})

export const app = createApp()
  .post('/token', { form: passwordRequestForm }, function login({ form }) {
    const { username, password } = passwordRequest(form)
    const user = Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined
    // Compare secrets in constant time, never with ===.
    if (user === undefined || !constantTimeEqual(fakeHashPassword(password), user.hashed_password)) {
      throw new HTTPException(400, 'Incorrect username or password')
    }
    return { access_token: user.username, token_type: 'bearer' }
  })
  .get('/users/me', { deps: { user: currentActiveUser }, response: User }, function readUsersMe({ deps }) {
    return deps.user
  })
