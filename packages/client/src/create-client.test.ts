import { get, post } from '@typefast/router'
import { t } from '@typefast/validation'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createClient } from './create-client.js'
import { ResponseParseError } from './response-data.js'
import { type Echo, startEchoServer } from './test-support/echo-server.js'

// Route values type the client; the echo server answers for them (no typefast server needed).
const routes = [
  get(
    '/items/{item_id}',
    { query: t.Object({ tag: t.Optional(t.Array(t.String())), q: t.Optional(t.String()) }) },
    () => ({}),
  ),
  post(
    '/items/{item_id}',
    { body: t.Object({ name: t.String() }), headers: t.Object({ 'x-token': t.String() }) },
    () => ({}),
  ),
  get('/files/{file_path:path}', () => ({})),
  get('/text', () => ({})),
  get('/empty', () => ({})),
  get('/bad-json', () => ({})),
  get('/slow', () => ({})),
  get('/stream', () => ({})),
  get('/missing', { cookies: t.Object({ session: t.String() }) }, () => ({})),
]
type Routes = (typeof routes)[number]

let echo: Awaited<ReturnType<typeof startEchoServer>>
let client: ReturnType<typeof createClient<Routes>>

beforeAll(async () => {
  echo = await startEchoServer()
  client = createClient<Routes>(echo.url, { headers: { 'user-agent': 'typefast-test' } })
})
afterAll(async () => {
  await client.close()
  await echo.close()
})

describe('createClient over a socket', () => {
  test('path params are percent-encoded and the query repeats array keys', async () => {
    const r = await client.get('/items/{item_id}', { params: { item_id: 'a/b c' }, query: { tag: ['x', 'y'], q: 'é' } })
    expect(r.status).toBe(200)
    expect((r.data as Echo).url).toBe('/items/a%2Fb%20c?tag=x&tag=y&q=%C3%A9')
  })

  test('a {name:path} parameter keeps its slashes', async () => {
    const r = await client.get('/files/{file_path:path}', { params: { file_path: 'a/b.txt' } })
    expect((r.data as Echo).url).toBe('/files/a/b.txt')
  })

  test('the body is JSON, headers merge over the defaults', async () => {
    const r = await client.post('/items/{item_id}', {
      params: { item_id: 1 },
      body: { name: 'n' },
      headers: { 'x-token': 'secret' },
    })
    const seen = r.data as Echo
    expect(seen.method).toBe('POST')
    expect(JSON.parse(seen.body)).toEqual({ name: 'n' })
    expect(seen.headers['content-type']).toBe('application/json')
    expect(seen.headers['x-token']).toBe('secret')
    expect(seen.headers['user-agent']).toBe('typefast-test')
  })

  test('cookies become one cookie header; another status is returned, not thrown', async () => {
    const r = await client.get('/missing', { cookies: { session: 'a b' } })
    expect(r.status).toBe(404)
    expect((r.data as Echo).headers.cookie).toBe('session=a%20b')
    expect(r.headers.get('content-type')).toMatch(/json/)
  })

  test('non-JSON is text, an empty body undefined', async () => {
    expect((await client.get('/text')).data).toBe('hello')
    const empty = await client.get('/empty')
    expect(empty.status).toBe(204)
    expect(empty.data).toBeUndefined()
  })

  test('a JSON content type with a body that is not JSON throws ResponseParseError', async () => {
    await expect(client.get('/bad-json')).rejects.toBeInstanceOf(ResponseParseError)
  })

  test('raw gives the body as a stream of chunks and repeated headers', async () => {
    const r = await client.raw('GET', '/stream')
    let text = ''
    for await (const chunk of r.body) text += Buffer.from(chunk).toString()
    expect(text).toBe('one,two')
    expect(r.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  })

  test('a call can be aborted by its signal, and times out by its timeout', async () => {
    const controller = new AbortController()
    const pending = client.get('/slow', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toThrow()
    await expect(client.get('/slow', { timeout: 100 })).rejects.toThrow(/timeout/i)
  })

  test('request takes the method as a value', async () => {
    const r = await client.request('GET', '/text')
    expect(r.data).toBe('hello')
  })

  test('a base URL with a path prefixes every route', async () => {
    const prefixed = createClient<Routes>(`${echo.url}/api/`)
    try {
      const r = await prefixed.get('/items/{item_id}', { params: { item_id: 1 } })
      expect((r.data as Echo).url).toBe('/api/items/1')
    } finally {
      await prefixed.close()
    }
  })

  test('await using closes the pool', async () => {
    let closed: ReturnType<typeof createClient<Routes>>
    {
      await using scoped = createClient<Routes>(echo.url)
      closed = scoped
      expect((await scoped.get('/text')).data).toBe('hello')
    }
    await expect(closed.get('/text')).rejects.toThrow()
  })
})
