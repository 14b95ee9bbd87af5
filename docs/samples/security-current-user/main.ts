import { createApp, dependency, oauth2PasswordBearer, t } from 'typefast'

const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token' })

const User = t.Object(
  {
    username: t.String(),
    // FastAPI's `email: str | None = None`: may be left out or null, written as null when absent
    email: t.Optional(t.Union([t.String(), t.Null()])),
    full_name: t.Optional(t.Union([t.String(), t.Null()])),
    disabled: t.Optional(t.Union([t.Boolean(), t.Null()])),
  },
  { $id: 'User' },
)

function fakeDecodeToken(token: string) {
  return { username: `${token}fakedecoded`, email: 'john@example.com', full_name: 'John Doe' }
}

// A dependency that depends on the security scheme: every route asking for the current user is secured.
const currentUser = dependency({ deps: { token: oauth2Scheme } }, function currentUser({ deps }) {
  return fakeDecodeToken(deps.token)
})

export const app = createApp().get(
  '/users/me',
  { deps: { user: currentUser }, response: User },
  function readUsersMe({ deps }) {
    return deps.user
  },
)
