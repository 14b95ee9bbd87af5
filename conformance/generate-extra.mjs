// Inputs the security pages need that generate.mjs does not make: signed tokens and Basic
// credentials, fixed so that both twins see the very same bytes on every run.
import { createHmac } from 'node:crypto'

const base64url = (data) => Buffer.from(data).toString('base64url')

/** A JWT signed with HMAC-SHA256 over exactly the header and claims given (their key order kept). */
export function signHs256(claims, secret, header = { alg: 'HS256' }) {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url')
  return `${signingInput}.${signature}`
}

/** `Basic <base64(user:password)>`, the bytes encoded as given (utf-8 or latin-1). */
export function basicAuthorization(user, password, encoding = 'utf8') {
  return `Basic ${Buffer.from(`${user}:${password}`, encoding).toString('base64')}`
}

/** A time both twins see as the future (2100-01-01) or the past (2000-01-01), in seconds. */
export const FUTURE = 4102444800
export const PAST = 946684800

export const BOUNDARY = 'conformance-boundary-7MA4YWxkTrZu0gW'

/**
 * A multipart/form-data body from `[{ name, value }]` fields and `[{ name, filename, type, value }]`
 * files, with the headers to send it. The boundary is fixed so both twins get the same bytes.
 */
export function multipart(parts, boundary = BOUNDARY) {
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`]
    if (part.type !== undefined) head.push(`Content-Type: ${part.type}`)
    return [Buffer.from(`${head.join('\r\n')}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n')]
  })
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same cases on every run. */
export function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Values that each make some parser or validator choose: numbers, booleans, nulls, text. */
export const TRICKY = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '1.5',
  '2.0',
  ' 7',
  '007',
  '+3',
  '1e3',
  '1e400',
  '-1e400',
  'nan',
  'NaN',
  'inf',
  '-Infinity',
  '9007199254740993',
  '-9007199254740993',
  'true',
  'false',
  'on',
  'null',
  'None',
  '[]',
  '{}',
  '\u00e9t\u00e9',
  '\u{1F600}',
  'a'.repeat(300),
  '%',
  '<script>',
  'x y',
]

/** What a header can carry as is: latin-1 without control characters. */
const headerSafe = (value) => /^[\x20-\x7e\xa0-\xff]*$/.test(value)

/**
 * Requests that vary a valid input one field at a time: the field dropped, repeated (the valid
 * value then another), and set to each TRICKY value; then `mixed` requests changing two fields at
 * once, picked by `seed`. `fields` maps names to valid values; `build(pairs, name)` makes the
 * request from `[name, value]` pairs (pairs can repeat a name).
 */
export function fieldVariants({ fields, build, seed = 1, mixed = 10, headers = false }) {
  const valid = Object.entries(fields)
  const values = headers ? TRICKY.filter(headerSafe) : TRICKY
  const replace = (name, value) => valid.map(([n, v]) => [n, n === name ? value : v])
  const cases = valid.flatMap(([name, good]) => [
    { ...build(valid.filter(([n]) => n !== name)), name: `${name} dropped` },
    { ...build([...valid, [name, values[(name.length * 7) % values.length]]]), name: `${name} repeated` },
    ...values.map((value) => ({
      ...build(replace(name, value)),
      name: `${name} = ${JSON.stringify(value).slice(0, 40)}`,
    })),
    { ...build(replace(name, `${good}${good}`)), name: `${name} doubled` },
  ])
  const random = seeded(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  for (let i = 0; i < mixed && valid.length > 1; i++) {
    const [a, b] = [pick(valid)[0], pick(valid)[0]]
    const [va, vb] = [pick(values), pick(values)]
    const pairs = valid.map(([n, v]) => [n, n === a ? va : n === b ? vb : v])
    cases.push({
      ...build(pairs),
      name: `mixed ${i}: ${a} = ${JSON.stringify(va).slice(0, 30)}, ${b} = ${JSON.stringify(vb).slice(0, 30)}`,
    })
  }
  return cases
}

/** `pairs` as a query string or urlencoded body (keys repeat as given). */
export const urlencode = (pairs) => pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')

/** `pairs` as request headers: a repeated name becomes a list, sent as separate header lines. */
export function headerList(pairs) {
  const headers = {}
  for (const [name, value] of pairs) headers[name] = name in headers ? [headers[name], value].flat() : value
  return headers
}

const urlencodedForm = { 'content-type': 'application/x-www-form-urlencoded' }

/**
 * The Authorization edge cases of a bearer-token route (OAuth2PasswordBearer): schemes, spacing,
 * missing and repeated tokens, then the token replaced by each header-safe TRICKY value.
 */
export function bearerEdgeCases({ sample, url }) {
  const edges = [
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
  ]
  const generated = TRICKY.filter(headerSafe).map((value) => [
    `generated: Bearer ${JSON.stringify(value).slice(0, 40)}`,
    { authorization: `Bearer ${value}` },
  ])
  return [...edges, ...generated].map(([name, headers]) => ({ sample, name, method: 'GET', url, headers }))
}

/** POSTs of urlencoded bodies to the login route, `[name, body]` each, named `token: <name>`. */
export const tokenRequests = (sample, list, url = '/token') =>
  list.map(([name, body]) => ({ sample, name: `token: ${name}`, method: 'POST', url, headers: urlencodedForm, body }))

/** The login form (OAuth2PasswordRequestForm) varied field by field from `fields`, seeded. */
export const loginFormVariants = ({ sample, fields, seed, url = '/token' }) =>
  fieldVariants({
    fields,
    seed,
    build: (pairs) => ({ url, headers: urlencodedForm, body: urlencode(pairs) }),
  }).map((c) => ({ ...c, sample, name: `generated token: ${c.name}`, method: 'POST' }))
