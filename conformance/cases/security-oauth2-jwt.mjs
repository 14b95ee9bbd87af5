// Requests for docs/security-oauth2-jwt.md: HS256 tokens and scrypt-hashed passwords. Tokens are
// signed here with the samples' key: the /token answers carry the time they were made and differ
// by the second, so only its failures are compared.
import { FUTURE, loginFormVariants, PAST, signHs256, tokenRequests } from '../generate-extra.mjs'

const KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7'
const bearer = (token) => ({ authorization: `Bearer ${token}` })
const valid = signHs256({ sub: 'johndoe', exp: FUTURE }, KEY)
const [validHeader, validPayload] = valid.split('.')

const me = [
  ['no token', {}],
  ['a valid token', bearer(valid)],
  ['a valid token with no expiry', bearer(signHs256({ sub: 'johndoe' }, KEY))],
  [
    'a valid token, typ JWT in the header',
    bearer(signHs256({ sub: 'johndoe', exp: FUTURE }, KEY, { alg: 'HS256', typ: 'JWT' })),
  ],
  ['an expired token', bearer(signHs256({ sub: 'johndoe', exp: PAST }, KEY))],
  ['a token not valid yet', bearer(signHs256({ sub: 'johndoe', nbf: FUTURE }, KEY))],
  ['a token for an unknown user', bearer(signHs256({ sub: 'nobody', exp: FUTURE }, KEY))],
  ['a token without sub', bearer(signHs256({ exp: FUTURE }, KEY))],
  ['a token whose sub is a number', bearer(signHs256({ sub: 42, exp: FUTURE }, KEY))],
  ['a token whose exp is a string', bearer(signHs256({ sub: 'johndoe', exp: 'tomorrow' }, KEY))],
  ['a token signed with another key', bearer(signHs256({ sub: 'johndoe', exp: FUTURE }, 'another key'))],
  ['a token with alg none', bearer(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${validPayload}.`)],
  ['a token with alg HS512', bearer(signHs256({ sub: 'johndoe', exp: FUTURE }, KEY, { alg: 'HS512' }))],
  ['a token with its signature cut', bearer(`${validHeader}.${validPayload}.`)],
  ['a token with two segments', bearer(`${validHeader}.${validPayload}`)],
  ['a token with four segments', bearer(`${valid}.x`)],
  ['garbage', bearer('not-a-token')],
  ['a token whose payload is not JSON', bearer(`${validHeader}.${Buffer.from('nope').toString('base64url')}.x`)],
  ['a token whose sub is a prototype key', bearer(signHs256({ sub: '__proto__', exp: FUTURE }, KEY))],
  ['Bearer with no token', { authorization: 'Bearer' }],
  ['a token in a Basic header', { authorization: `Basic ${valid}` }],
].map(([name, headers]) => ({ sample: 'main', name: `me: ${name}`, method: 'GET', url: '/users/me/', headers }))

const token = tokenRequests('main', [
  ['a wrong password', 'username=johndoe&password=wrong'],
  ['an unknown user', 'username=nobody&password=secret'],
  ['no password', 'username=johndoe'],
  ['no username', 'password=secret'],
  ['an empty form', ''],
  ['a wrong grant_type', 'grant_type=implicit&username=johndoe&password=secret'],
])

// Based on a wrong password: no variant logs in, so no answer carries a time.

// Generated: each field of the login form varied one at a time, then two at once (seeded).
const generated = loginFormVariants({
  sample: 'main',
  fields: { grant_type: 'password', username: 'johndoe', password: 'wrong', scope: '' },
  seed: 6,
})

export default [
  ...me,
  ...token,
  {
    sample: 'main',
    name: 'token: JSON instead of a form',
    method: 'POST',
    url: '/token',
    json: { username: 'johndoe', password: 'secret' },
  },
  { sample: 'main', name: 'me without the trailing slash', method: 'GET', url: '/users/me', headers: bearer(valid) },
  ...generated,
]
