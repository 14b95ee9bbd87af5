// Requests for docs/security-http-basic.md: HTTPBasic with a realm and a constant-time check.
import { basicAuthorization, fieldVariants } from '../generate-extra.mjs'

const me = [
  ['no credentials', {}],
  ['the right credentials', { authorization: basicAuthorization('stanleyjobson', 'swordfish') }],
  ['a wrong password', { authorization: basicAuthorization('stanleyjobson', 'wrong') }],
  ['a wrong user', { authorization: basicAuthorization('stanley', 'swordfish') }],
  ['both empty', { authorization: basicAuthorization('', '') }],
  ['a password with a colon', { authorization: basicAuthorization('stanleyjobson', 'sword:fish') }],
  [
    'the scheme in lower case',
    { authorization: basicAuthorization('stanleyjobson', 'swordfish').replace('Basic', 'basic') },
  ],
  ['no colon', { authorization: `Basic ${Buffer.from('stanleyjobson').toString('base64')}` }],
  ['not base64', { authorization: 'Basic !!!notbase64' }],
  ['Basic with nothing after it', { authorization: 'Basic' }],
  ['Basic and a space', { authorization: 'Basic ' }],
  ['a Bearer scheme', { authorization: 'Bearer abc' }],
  ['utf-8 credentials', { authorization: basicAuthorization('j\u00f6rg', 'p\u00e4ss') }],
  ['latin-1 credentials', { authorization: basicAuthorization('j\u00f6rg', 'p\u00e4ss', 'latin1') }],
  ['an emoji password', { authorization: basicAuthorization('stanleyjobson', '\u{1F600}') }],
  [
    'base64 without padding',
    { authorization: `Basic ${Buffer.from('stanleyjobson:swordfis').toString('base64').replace(/=+$/, '')}` },
  ],
  ['base64url alphabet', { authorization: `Basic ${Buffer.from('??>:>>?').toString('base64url')}` }],
  [
    'a repeated header, the right one first',
    { authorization: [basicAuthorization('stanleyjobson', 'swordfish'), 'Basic Zm9vOmJhcg=='] },
  ],
  ['an empty header', { authorization: '' }],
].map(([name, headers]) => ({ sample: 'main', name, method: 'GET', url: '/users/me', headers }))

// Generated: user name and password varied one at a time (header-safe values), then both.
const generated = fieldVariants({
  fields: { user: 'stanleyjobson', password: 'swordfish' },
  headers: true,
  seed: 8,
  build: (pairs) => {
    const user = pairs
      .filter(([n]) => n === 'user')
      .map(([, v]) => v)
      .join(',')
    const password = pairs
      .filter(([n]) => n === 'password')
      .map(([, v]) => v)
      .join(':')
    return { url: '/users/me', headers: { authorization: basicAuthorization(user, password, 'latin1') } }
  },
}).map((c) => ({ ...c, sample: 'main', name: `generated: ${c.name}`, method: 'GET' }))

export default [
  ...me,
  {
    sample: 'main',
    name: 'a trailing slash',
    method: 'GET',
    url: '/users/me/',
    headers: { authorization: basicAuthorization('stanleyjobson', 'swordfish') },
  },
  { sample: 'main', name: 'POST is not allowed', method: 'POST', url: '/users/me' },
  ...generated,
]
