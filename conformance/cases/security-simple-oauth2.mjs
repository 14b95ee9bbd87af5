// Requests for docs/security-simple-oauth2.md: OAuth2PasswordRequestForm and the user name as token.
import { loginFormVariants, tokenRequests } from '../generate-extra.mjs'

const token = tokenRequests('main', [
  ['the right password', 'username=johndoe&password=secret'],
  ['a wrong password', 'username=johndoe&password=wrong'],
  ['an unknown user', 'username=nobody&password=secret'],
  ['the disabled user can log in', 'username=alice&password=secret2'],
  ['grant_type password', 'grant_type=password&username=johndoe&password=secret'],
  ['grant_type something else', 'grant_type=client_credentials&username=johndoe&password=secret'],
  ['grant_type empty', 'grant_type=&username=johndoe&password=secret'],
  ['with scopes and a client', 'username=johndoe&password=secret&scope=me%20items&client_id=app&client_secret=s'],
  ['no username', 'password=secret'],
  ['no password', 'username=johndoe'],
  ['nothing', ''],
  ['an empty username', 'username=&password=secret'],
  ['an empty password', 'username=johndoe&password='],
  ['a repeated username: the last wins', 'username=nobody&username=johndoe&password=secret'],
  ['a plus for a space', 'username=john+doe&password=secret'],
  ['a unicode password', 'username=johndoe&password=%C3%A9t%C3%A9'],
  ['a field with no value', 'username&password=secret'],
])

const wrongContentType = [
  ['JSON instead of a form', { 'content-type': 'application/json' }, '{"username":"johndoe","password":"secret"}'],
  ['no content type', {}, 'username=johndoe&password=secret'],
  ['text/plain', { 'content-type': 'text/plain' }, 'username=johndoe&password=secret'],
  [
    'a form with a charset',
    { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    'username=johndoe&password=secret',
  ],
  ['no body', { 'content-type': 'application/x-www-form-urlencoded' }, undefined],
].map(([name, headers, body]) => ({
  sample: 'main',
  name: `token: ${name}`,
  method: 'POST',
  url: '/token',
  headers,
  body,
}))

const me = [
  ['no token', {}],
  ['johndoe', { authorization: 'Bearer johndoe' }],
  ['alice is disabled', { authorization: 'Bearer alice' }],
  ['an unknown user', { authorization: 'Bearer nobody' }],
  ['Bearer with no token', { authorization: 'Bearer' }],
  ['a Basic scheme', { authorization: 'Basic am9obmRvZTpzZWNyZXQ=' }],
  ['the token in a different case', { authorization: 'Bearer JohnDoe' }],
  ['a prototype key as token', { authorization: 'Bearer __proto__' }],
  ['toString as token', { authorization: 'Bearer toString' }],
].map(([name, headers]) => ({ sample: 'main', name: `me: ${name}`, method: 'GET', url: '/users/me', headers }))

// Generated: each field of the login form varied one at a time, then two at once (seeded).
const generated = loginFormVariants({
  sample: 'main',
  fields: { grant_type: 'password', username: 'johndoe', password: 'secret', scope: 'me' },
  seed: 5,
})

export default [
  ...token,
  ...wrongContentType,
  ...me,
  { sample: 'main', name: 'token: GET is not allowed', method: 'GET', url: '/token' },
  // An unauthenticated request with a bad body: the dependency answers first.
  { sample: 'main', name: 'me: POST is not allowed', method: 'POST', url: '/users/me' },
  ...generated,
]
