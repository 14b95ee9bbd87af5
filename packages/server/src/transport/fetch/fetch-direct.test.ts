import type { Middleware } from '@typefast/router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, createLogger, json } from '../../index.js'
import { FetchIncomingMessage } from './fetch-request.js'
import { FetchServerResponse } from './fetch-response.js'
import { createFeatureApp } from './fixtures/feature-app.js'
import { lazyNodeHeaders } from './lazy-headers.js'

const request = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init)
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

/** Which node-shaped stream objects a request made: the wrapped request's reads, the wrapped answer's head. */
function streams() {
  const reads = vi.spyOn(FetchIncomingMessage.prototype, '_read')
  const heads = vi.spyOn(FetchServerResponse.prototype, 'writeHead')
  return () => ({ requestStream: reads.mock.calls.length > 0, responseStream: heads.mock.calls.length > 0 })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each([false, true])('app.fetch direct path (app middleware: %s)', (middleware) => {
  const app = createFeatureApp({ middleware })

  it.each([
    ['a JSON answer', () => request('/hello')],
    ['a JSON body', () => post('/items', '{"name":"pen","price":2}')],
    ['a 422', () => post('/items', '{"name":""}')],
    ['an error handler', () => request('/teapot')],
    ['a 404 and a 405', () => request('/nowhere')],
    ['a redirect', () => request('/redirect')],
  ])('serves %s with no node stream', async (_name, make) => {
    const used = streams()
    await (await app.fetch(make())).arrayBuffer()
    expect(used()).toEqual({ requestStream: false, responseStream: false })
  })

  it('writes only a streamed answer through a node-shaped response; its request stays unwrapped', async () => {
    const used = streams()
    expect(await (await app.fetch(request('/lines'))).text()).toBe('{"n":1}\n{"n":2}\n{"n":3}\n')
    expect(used()).toEqual({ requestStream: false, responseStream: true })
  })

  it.each([
    [
      'a form route',
      () =>
        request('/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'username=ada',
        }),
      { username: 'ada', remember: false },
      { requestStream: true, responseStream: true },
    ],
    // A GET's empty body is never read: the answer written through the wrapped response shows the path.
    ['a mounted app', () => request('/sub/ping'), { pong: true }, { requestStream: false, responseStream: true }],
  ])('serves %s wrapped in node streams, as before', async (_name, make, answer, used) => {
    const usedNow = streams()
    expect(await (await app.fetch(make())).json()).toEqual(answer)
    expect(usedNow()).toEqual(used)
  })
})

describe('app.fetch direct path: the request', () => {
  it('answers 413 from a declared length over the limit without reading, and reads a declared body whole', async () => {
    const app = createApp({ bodyLimit: 16 }).post('/echo', { body: {} as never }, ({ body }) => body)
    const big = JSON.stringify({ text: 'x'.repeat(20) })
    const refused = await app.fetch(post('/echo', big, { 'content-length': String(Buffer.byteLength(big)) }))
    expect(refused.status).toBe(413)
    const small = '{"a":1}'
    const echoed = await app.fetch(post('/echo', small, { 'content-length': String(small.length) }))
    expect([echoed.status, await echoed.json()]).toEqual([200, { a: 1 }])
    // A length that understates the body: the bytes read count, as the limit says.
    const understated = await app.fetch(post('/echo', big, { 'content-length': '2' }))
    expect(understated.status).toBe(413)
  })

  it.each([
    ['invalid UTF-8 (400)', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xf0, 0x9f, 0x98, 0x22, 0x7d]), undefined],
    ['a leading BOM (skipped)', Buffer.from('\ufeff{"a":1}'), undefined],
    ["a leading BOM before invalid JSON (the error's position)", Buffer.from('\ufeff{"a":'), undefined],
    ['a literal U+FFFD (kept)', Buffer.from('{"a":"\ufffd"}'), undefined],
    ['invalid UTF-8 without a content type (read as text)', Buffer.from([0x22, 0xff, 0x22]), null],
  ])('reads the bytes of %s as node:http does', async (_name, body, type) => {
    const app = createApp().post('/echo', { body: {} as never }, ({ body }) => body)
    const headers: Record<string, string> = type === null ? {} : { 'content-type': 'application/json' }
    const injected = await app.inject({ method: 'POST', url: '/echo', headers, body })
    // With a declared length, as Bun and Deno give one: the body is read whole with the web API.
    const declared = { ...headers, 'content-length': String(body.length) }
    const fetched = await app.fetch(request('/echo', { method: 'POST', headers: declared, body }))
    expect([fetched.status, await fetched.text()]).toEqual([injected.status, injected.body])
  })

  it('gives request.raw as a node stream, made when read; the body is then read from it', async () => {
    let encrypted: unknown
    const peek: Middleware = (info, next) => {
      encrypted = (info.raw?.socket as { encrypted?: boolean } | undefined)?.encrypted
      expect(typeof info.raw?.on).toBe('function')
      return next()
    }
    const app = createApp()
      .use(peek)
      .post('/echo', { body: {} as never }, ({ body }) => body)
    const answer = await app.fetch(
      new Request('https://example.com/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":[1]}',
      }),
    )
    expect([answer.status, await answer.json(), encrypted]).toEqual([200, { a: [1] }, true])
  })

  it('reads headers as node gives them: lower-case names, set-cookie a list, listing converts them all', () => {
    const web = new Headers([
      ['X-Count', '3'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    const headers = lazyNodeHeaders(web)
    expect([headers['x-count'], headers['X-Count'], headers['set-cookie'], headers['bad name']]).toEqual([
      '3',
      undefined,
      ['a=1', 'b=2'],
      undefined,
    ])
    expect(['x-count' in headers, Object.keys(headers).sort(), JSON.parse(JSON.stringify(headers))]).toEqual([
      true,
      ['set-cookie', 'x-count'],
      { 'x-count': '3', 'set-cookie': ['a=1', 'b=2'] },
    ])
    headers['x-count'] = '4'
    expect({ ...headers }).toEqual({ 'x-count': '4', 'set-cookie': ['a=1', 'b=2'] })
  })
})

describe('app.fetch direct path: the answer', () => {
  it("sends a header's last value, each value of a list, and text without a type as bytes", async () => {
    const app = createApp()
      .get('/cookies', () => json({}, { headers: { 'Set-Cookie': 'x=0', 'set-cookie': ['a=1', 'b=2'] } }))
      .get('/untyped', ({ response }) => {
        response.setHeader('x-line', 'a\r\nb')
        const answer = json('héllo')
        delete answer.headers['content-type']
        return answer
      })
    const cookies = await app.fetch(request('/cookies'))
    expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    const untyped = await app.fetch(request('/untyped'))
    expect([untyped.headers.get('content-type'), untyped.headers.get('x-line'), await untyped.text()]).toEqual([
      null,
      'a%0D%0Ab',
      '"héllo"',
    ])
    expect(untyped.headers.get('content-length')).toBe(String(Buffer.byteLength('"héllo"')))
  })

  it('answers a failing middleware through the exception handlers', async () => {
    const failing: Middleware = () => {
      throw new Error('middleware broke')
    }
    const app = createApp({ logger: createLogger({ level: 'silent' }) })
      .use(failing)
      .get('/', () => ({}))
    const answer = await app.fetch(request('/'))
    expect([answer.status, await answer.json()]).toEqual([500, { detail: 'Internal Server Error' }])
  })
})
