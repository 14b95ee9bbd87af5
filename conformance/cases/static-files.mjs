// Requests for docs/static-files.md: a folder served under /static, and a single-page app under
// /app whose unknown paths get index.html.
import { TRICKY } from '../generate-extra.mjs'

const get = [
  ['the API next to the files', '/api/health'],
  ['a file', '/static/app.js'],
  ['the folder: its index.html', '/static/'],
  ['the folder without a slash', '/static'],
  ['index.html by name', '/static/index.html'],
  ['a file that does not exist', '/static/nothing.js'],
  ['a file with a trailing slash', '/static/app.js/'],
  ['a dot-dot escape', '/static/../main.ts'],
  ['an encoded dot-dot escape', '/static/%2e%2e/main.ts'],
  ['an encoded slash escape', '/static/..%2fmain.ts'],
  ['a doubled slash', '/static//app.js'],
  ['a query string is ignored', '/static/app.js?v=1'],
  ['a percent-encoded name', '/static/app%2Ejs'],
  ['a name in another case', '/static/APP.JS'],
  ['a null byte', '/static/app.js%00'],
  ['the app: a file', '/app/app.js'],
  ['the app: its index', '/app/'],
  ['the app: without a slash', '/app'],
  ['the app: a client-side route', '/app/users/42'],
  ['the app: a missing file', '/app/missing.js'],
  ['the app: a dot-dot escape', '/app/%2e%2e/main.ts'],
  ['an unknown path', '/nothing'],
].map(([name, url]) => ({ sample: 'main', name, method: 'GET', url }))

const conditional = [
  ['a range', '/static/app.js', { range: 'bytes=0-4' }],
  ['a range past the end', '/static/app.js', { range: 'bytes=100000-' }],
  ['a suffix range', '/static/app.js', { range: 'bytes=-3' }],
  ['a malformed range', '/static/app.js', { range: 'pages=1' }],
  ['several ranges', '/static/app.js', { range: 'bytes=0-1,3-4' }],
  ['an if-none-match that matches nothing', '/static/app.js', { 'if-none-match': '"nope"' }],
  ['an if-modified-since in the future', '/static/app.js', { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' }],
].map(([name, url, headers]) => ({ sample: 'main', name, method: 'GET', url, headers }))

// Generated: each TRICKY value as a file name, under both mounts.
const generated = TRICKY.flatMap((value) =>
  ['/static/', '/app/'].map((prefix) => ({
    sample: 'main',
    name: `generated ${prefix}: ${JSON.stringify(value).slice(0, 40)}`,
    method: 'GET',
    url: `${prefix}${encodeURIComponent(value)}`,
  })),
)

export default [
  ...get,
  ...conditional,
  { sample: 'main', name: 'HEAD of a file', method: 'HEAD', url: '/static/app.js' },
  { sample: 'main', name: 'POST to a file', method: 'POST', url: '/static/app.js' },
  { sample: 'main', name: 'DELETE in the app', method: 'DELETE', url: '/app/users/42' },
  ...generated,
]
