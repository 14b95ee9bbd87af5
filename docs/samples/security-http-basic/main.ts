import { constantTimeEqual, createApp, dependency, HTTPException, httpBasic } from 'typefast'

const basic = httpBasic({ realm: 'simple' })

const currentUsername = dependency({ deps: { credentials: basic } }, function currentUsername({ deps }) {
  // Both checks always run, in constant time: how long they take tells an attacker nothing.
  const rightUser = constantTimeEqual(deps.credentials.username, 'stanleyjobson')
  const rightPassword = constantTimeEqual(deps.credentials.password, 'swordfish')
  if (!(rightUser && rightPassword)) {
    throw new HTTPException(401, 'Incorrect username or password', { 'WWW-Authenticate': 'Basic realm="simple"' })
  }
  return deps.credentials.username
})

export const app = createApp().get(
  '/users/me',
  { deps: { username: currentUsername } },
  function readCurrentUser({ deps }) {
    return { username: deps.username }
  },
)
