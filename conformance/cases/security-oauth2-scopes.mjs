// Requests for docs/security-oauth2-scopes.md: scopes in the token, asked for by each route.
// Tokens are signed here with the sample's key (see security-oauth2-jwt.mjs for why).
import { FUTURE, loginFormVariants, PAST, signHs256, tokenRequests } from '../generate-extra.mjs'

const KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7'
const bearer = (claims) => ({ authorization: `Bearer ${signHs256(claims, KEY)}` })
const tokens = [
  ['no token', {}],
  ['all scopes', bearer({ scope: 'me items', sub: 'johndoe', exp: FUTURE })],
  ['me only', bearer({ scope: 'me', sub: 'johndoe', exp: FUTURE })],
  ['items only', bearer({ scope: 'items', sub: 'johndoe', exp: FUTURE })],
  ['no scope claim', bearer({ sub: 'johndoe', exp: FUTURE })],
  ['an empty scope', bearer({ scope: '', sub: 'johndoe', exp: FUTURE })],
  ['the scopes in another order', bearer({ scope: 'items me', sub: 'johndoe', exp: FUTURE })],
  ['an unknown scope too', bearer({ scope: 'me items admin', sub: 'johndoe', exp: FUTURE })],
  ['alice with me', bearer({ scope: 'me', sub: 'alice', exp: FUTURE })],
  ['an unknown user', bearer({ scope: 'me items', sub: 'nobody', exp: FUTURE })],
  ['expired', bearer({ scope: 'me items', sub: 'johndoe', exp: PAST })],
  ['no sub', bearer({ scope: 'me items', exp: FUTURE })],
  ['another key', { authorization: `Bearer ${signHs256({ scope: 'me items', sub: 'johndoe' }, 'other')}` }],
  ['garbage', { authorization: 'Bearer garbage' }],
]
const routes = ['/users/me/', '/users/me/items/', '/status/']
const protectedCases = routes.flatMap((url) =>
  tokens.map(([name, headers]) => ({ sample: 'main', name: `${url}: ${name}`, method: 'GET', url, headers })),
)

const token = tokenRequests('main', [
  ['a wrong password', 'username=johndoe&password=wrong'],
  ['an unknown user', 'username=nobody&password=secret'],
  ['alice with the wrong password', 'username=alice&password=secret'],
  ['no password', 'username=johndoe&scope=me'],
  ['an empty form', ''],
])

// Based on a wrong password: no variant logs in, so no answer carries a time.

// Generated: each field of the login form varied one at a time, then two at once (seeded).
const generated = loginFormVariants({
  sample: 'main',
  fields: { grant_type: 'password', username: 'alice', password: 'wrong', scope: 'me items' },
  seed: 7,
})

export default [...protectedCases, ...token, ...generated]
