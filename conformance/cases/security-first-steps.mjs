// Requests for docs/security-first-steps.md: OAuth2PasswordBearer reading the Authorization header.
import { TRICKY } from '../generate-extra.mjs'

const items = [
  ['no Authorization header', {}],
  ['a bearer token', { authorization: 'Bearer abc' }],
  ['the scheme in lower case', { authorization: 'bearer abc' }],
  ['the scheme in upper case', { authorization: 'BEARER abc' }],
  ['Bearer with no token', { authorization: 'Bearer' }],
  ['Bearer and a space, no token', { authorization: 'Bearer ' }],
  ['two spaces before the token', { authorization: 'Bearer  abc' }],
  ['a token with a space in it', { authorization: 'Bearer abc def' }],
  ['a Basic scheme', { authorization: 'Basic YTpi' }],
  ['an unknown scheme', { authorization: 'Token abc' }],
  ['only a token', { authorization: 'abc' }],
  ['an empty header', { authorization: '' }],
  ['a unicode token', { authorization: 'Bearer \u00e9t\u00e9' }],
  ['a long token', { authorization: `Bearer ${'x'.repeat(4000)}` }],
  ['a repeated header: the first wins', { authorization: ['Bearer first', 'Bearer second'] }],
  ['a JWT-looking token', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc' }],
].map(([name, headers]) => ({ sample: 'main', name, method: 'GET', url: '/items/', headers }))

// Generated: the token replaced by each header-safe TRICKY value.
const generated = TRICKY.filter((value) => /^[\x20-\x7e\xa0-\xff]*$/.test(value)).map((value) => ({
  sample: 'main',
  name: `generated: Bearer ${JSON.stringify(value).slice(0, 40)}`,
  method: 'GET',
  url: '/items/',
  headers: { authorization: `Bearer ${value}` },
}))

export default [
  ...items,
  {
    sample: 'main',
    name: 'without the trailing slash',
    method: 'GET',
    url: '/items',
    headers: { authorization: 'Bearer abc' },
  },
  {
    sample: 'main',
    name: 'POST is not allowed',
    method: 'POST',
    url: '/items/',
    headers: { authorization: 'Bearer abc' },
  },
  {
    sample: 'main',
    name: 'the token route is not declared',
    method: 'POST',
    url: '/token',
    body: 'username=a&password=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
  ...generated,
]
