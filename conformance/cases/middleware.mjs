// Requests for docs/middleware.md: trusted hosts, CORS, request ids and gzip; a guarded router; a
// timing middleware. Every request to built-in sends an X-Request-ID (or an unusable one that is
// replaced): a generated id is random on both sides.
import { TRICKY } from '../generate-extra.mjs'

const origin = 'https://app.example.com'
const id = { 'x-request-id': 'req-1' }
const builtIn = [
  ['a plain request', { host: 'example.com', ...id }],
  ['a subdomain host', { host: 'api.example.com', ...id }],
  ['a nested subdomain host', { host: 'a.b.example.com', ...id }],
  ['localhost with a port', { host: 'localhost:8000', ...id }],
  ['a host not allowed', { host: 'evil.com', ...id }],
  ['a host that only ends like an allowed one', { host: 'notexample.com', ...id }],
  ['an allowed host in upper case', { host: 'EXAMPLE.COM', ...id }],
  ['the allowed origin', { host: 'example.com', origin, ...id }],
  ['another origin', { host: 'example.com', origin: 'https://evil.com', ...id }],
  ['the origin with a cookie', { host: 'example.com', origin, cookie: 'a=1', ...id }],
  ['gzip accepted', { host: 'example.com', 'accept-encoding': 'gzip', ...id }],
  ['gzip refused', { host: 'example.com', 'accept-encoding': 'identity', ...id }],
  ['gzip with a quality of zero', { host: 'example.com', 'accept-encoding': 'gzip;q=0', ...id }],
  ['a long request id', { host: 'example.com', 'x-request-id': 'r'.repeat(200) }],
].map(([name, headers]) => ({ sample: 'built-in', name, method: 'GET', url: '/items', headers }))

const preflight = (headers) => ({ host: 'example.com', origin, 'access-control-request-method': 'GET', ...headers })
const preflights = [
  ['a preflight', preflight({})],
  ['a preflight for POST', preflight({ 'access-control-request-method': 'POST' })],
  ['a preflight for DELETE', preflight({ 'access-control-request-method': 'DELETE' })],
  ['a preflight with an allowed header', preflight({ 'access-control-request-headers': 'Authorization' })],
  ['a preflight with a header not allowed', preflight({ 'access-control-request-headers': 'X-Custom' })],
  ['a preflight from another origin', preflight({ origin: 'https://evil.com' })],
  [
    'a preflight with everything wrong',
    preflight({
      origin: 'https://evil.com',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'X-Other',
    }),
  ],
  ['an OPTIONS that is not a preflight', { host: 'example.com', ...id }],
  ['a preflight to an unknown path', preflight({}), '/nothing'],
].map(([name, headers, url]) => ({ sample: 'built-in', name, method: 'OPTIONS', url: url ?? '/items', headers }))

const guarded = [
  ['the public route', 'GET', '/', {}],
  ['stats without the token', 'GET', '/admin/stats', {}],
  ['stats with the token', 'GET', '/admin/stats', { 'x-admin-token': 'secret' }],
  ['stats with a wrong token', 'GET', '/admin/stats', { 'x-admin-token': 'nope' }],
  ['stats with an empty token', 'GET', '/admin/stats', { 'x-admin-token': '' }],
  ['stats with the token under an underscore name', 'GET', '/admin/stats', { x_admin_token: 'secret' }],
  ['stats with the token repeated', 'GET', '/admin/stats', { 'x-admin-token': ['secret', 'secret'] }],
  ['an unknown admin path without the token', 'GET', '/admin/other', {}],
  ['POST to stats with the token', 'POST', '/admin/stats', { 'x-admin-token': 'secret' }],
  ['POST to stats without the token', 'POST', '/admin/stats', {}],
  ['stats with a trailing slash', 'GET', '/admin/stats/', { 'x-admin-token': 'secret' }],
].map(([name, method, url, headers]) => ({ sample: 'router-middleware', name, method, url, headers }))

const timing = [
  ['the root', 'GET', '/'],
  ['an unknown path', 'GET', '/nothing'],
  ['POST is not allowed', 'POST', '/'],
].map(([name, method, url]) => ({ sample: 'timing', name, method, url }))

// Generated: the admin token set to each header-safe TRICKY value, on a guarded and a public route.
const generated = TRICKY.filter((value) => /^[\x20-\x7e\xa0-\xff]*$/.test(value)).flatMap((value) =>
  ['/admin/stats', '/'].map((url) => ({
    sample: 'router-middleware',
    name: `generated ${url}: x-admin-token = ${JSON.stringify(value).slice(0, 40)}`,
    method: 'GET',
    url,
    headers: { 'x-admin-token': value },
  })),
)

export default [...builtIn, ...preflights, ...guarded, ...timing, ...generated]
