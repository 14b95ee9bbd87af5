import { dependency } from '@typefast/dependency-resolution'
import { get, post, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test, vi } from 'vitest'
import { HTTPException } from '../exceptions/http-exception.js'
import type { Logger } from '../logging/logger.js'
import { json, redirect, text } from '../responses/responses.js'
import { createApp } from './app.js'

const Item = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
  },
  { $id: 'Item' },
)

function silentLogger(): Logger & { errors: unknown[] } {
  const errors: unknown[] = []
  return { errors, error: (details) => errors.push(details), warn: () => {}, info: () => {} }
}

function shop() {
  const items = router(
    { prefix: '/items', tags: ['items'] },
    get(
      '/',
      { query: t.Object({ skip: t.Integer({ minimum: 0, default: 0 }), limit: t.Integer({ default: 10 }) }) },
      ({ query }) => ({
        skip: query.skip,
        limit: query.limit,
      }),
    ),
    get('/me', () => ({ me: true })),
    get(
      '/{item_id}',
      { params: t.Object({ item_id: t.Integer() }), query: t.Object({ q: t.Optional(t.String()) }) },
      ({ params, query }) => ({ item_id: params.item_id, q: query.q ?? null }),
    ),
    post('/', { body: Item, status: 201, response: Item }, ({ body }) => ({ ...body, secret: 'never sent' })),
  )
  return createApp({ title: 'Shop', version: '1.0.0', logger: silentLogger() })
    .include(items)
    .get('/', () => ({ message: 'Hello World' }))
}

describe('routing', () => {
  test('serves a plain route and a prefixed router', async () => {
    const app = shop()
    const root = await app.inject({ url: '/' })
    expect(root.status).toBe(200)
    expect(root.headers['content-type']).toBe('application/json')
    expect(root.json()).toEqual({ message: 'Hello World' })
    expect((await app.inject({ url: '/items/me' })).json()).toEqual({ me: true })
  })

  test('static segments win over parameters', async () => {
    expect((await shop().inject({ url: '/items/me' })).json()).toEqual({ me: true })
  })

  test('a trailing slash reaches the same route, with no redirect', async () => {
    const app = shop()
    const withSlash = await app.inject({ url: '/items/5/' })
    expect(withSlash.status).toBe(200)
    expect(withSlash.json()).toEqual({ item_id: 5, q: null })
    expect((await app.inject({ url: '/items' })).status).toBe(200)
  })

  test('404 and 405 answer as FastAPI', async () => {
    const app = shop()
    const missing = await app.inject({ url: '/nope' })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ detail: 'Not Found' })
    const wrongMethod = await app.inject({ method: 'DELETE', url: '/items/5' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.json()).toEqual({ detail: 'Method Not Allowed' })
    expect(wrongMethod.headers.allow).toBe('GET, HEAD')
  })

  test('HEAD is answered for every GET route, without a body', async () => {
    const response = await shop().inject({ method: 'HEAD', url: '/' })
    expect(response.status).toBe(200)
    expect(response.body).toBe('')
  })

  test('a {name:path} parameter captures the rest of the path', async () => {
    const app = createApp().get('/files/{file_path:path}', ({ params }) => ({ file_path: params.file_path }))
    expect((await app.inject({ url: '/files/home/user/a.txt' })).json()).toEqual({ file_path: 'home/user/a.txt' })
  })

  test('enum path parameters answer the enum error with ctx.expected', async () => {
    const app = createApp().get(
      '/models/{model_name}',
      { params: t.Object({ model_name: t.Union([t.Literal('alexnet'), t.Literal('resnet'), t.Literal('lenet')]) }) },
      ({ params }) => ({ model_name: params.model_name }),
    )
    expect((await app.inject({ url: '/models/resnet' })).json()).toEqual({ model_name: 'resnet' })
    const bad = await app.inject({ url: '/models/foo' })
    expect(bad.status).toBe(422)
    const [error] = bad.json<{ detail: { type: string; loc: unknown[]; input: unknown }[] }>().detail
    expect(error).toMatchObject({ loc: ['path', 'model_name'], input: 'foo' })
    expect(['enum', 'literal_error']).toContain(error!.type)
  })
})

describe('inputs are coerced and validated', () => {
  test('path and query strings become numbers; defaults fill in', async () => {
    const app = shop()
    expect((await app.inject({ url: '/items/42?q=hello' })).json()).toEqual({ item_id: 42, q: 'hello' })
    expect((await app.inject({ url: '/items/?limit=5' })).json()).toEqual({ skip: 0, limit: 5 })
  })

  test('an invalid path parameter answers FastAPI 422 body exactly', async () => {
    const response = await shop().inject({ url: '/items/abc' })
    expect(response.status).toBe(422)
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'item_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'abc',
        },
      ],
    })
  })

  test('every failing field is reported, path and query together', async () => {
    const app = createApp().get(
      '/a/{id}',
      { params: t.Object({ id: t.Integer() }), query: t.Object({ n: t.Integer({ minimum: 1 }) }) },
      () => ({}),
    )
    const response = await app.inject({ url: '/a/x?n=0' })
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        },
        {
          type: 'greater_than_equal',
          loc: ['query', 'n'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    })
  })

  test('a missing required query parameter', async () => {
    const app = createApp().get('/q', { query: t.Object({ needy: t.String() }) }, ({ query }) => query)
    expect((await app.inject({ url: '/q' })).json()).toEqual({
      detail: [{ type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null }],
    })
  })

  test('repeated query keys are an array', async () => {
    const app = createApp().get('/tags', { query: t.Object({ tag: t.Array(t.String()) }) }, ({ query }) => query.tag)
    expect((await app.inject({ url: '/tags?tag=a&tag=b' })).json()).toEqual(['a', 'b'])
    expect((await app.inject({ url: '/tags?tag=a' })).json()).toEqual(['a'])
  })

  test('headers (lower-case names) and cookies are validated', async () => {
    const app = createApp().get(
      '/h',
      { headers: t.Object({ 'x-count': t.Integer() }), cookies: t.Object({ session: t.String() }) },
      ({ headers, cookies }) => ({ count: headers['x-count'], session: cookies.session }),
    )
    const ok = await app.inject({ url: '/h', headers: { 'X-Count': '3', cookie: 'session=abc; other=1' } })
    expect(ok.json()).toEqual({ count: 3, session: 'abc' })
    const bad = await app.inject({ url: '/h' })
    expect(bad.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc)).toEqual([
      ['header', 'x-count'],
      ['cookie', 'session'],
    ])
  })
})

describe('JSON bodies', () => {
  test('a valid body is validated, defaults filled, and the response schema drops unknown fields', async () => {
    const response = await shop().inject({ method: 'POST', url: '/items', json: { name: 'Foo', price: 3.5, extra: 1 } })
    expect(response.status).toBe(201)
    expect(response.json()).toEqual({ name: 'Foo', price: 3.5, tags: [] })
  })

  test('an invalid body answers one entry per failing field', async () => {
    const response = await shop().inject({ method: 'POST', url: '/items', json: { name: '', price: -1, tags: 'x' } })
    expect(response.status).toBe(422)
    const detail = response.json<{ detail: { type: string; loc: unknown[] }[] }>().detail
    expect(detail.map((d) => [d.type, d.loc])).toEqual([
      ['string_too_short', ['body', 'name']],
      ['greater_than', ['body', 'price']],
      ['list_type', ['body', 'tags']],
    ])
  })

  test('a missing body', async () => {
    const response = await shop().inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    })
  })

  test('malformed JSON answers 422 json_invalid with the position', async () => {
    const response = await shop().inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "a", "price": }',
    })
    expect(response.status).toBe(422)
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'json_invalid',
          loc: ['body', 23],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Expecting value' },
        },
      ],
    })
  })

  test('a misspelt literal is placed where its value starts, as Python places it', async () => {
    for (const [body, position] of [
      ['name=Foo', 0],
      ['{"price": nul}', 10],
      ['[1, fals]', 4],
    ] as const) {
      const response = await shop().inject({
        method: 'POST',
        url: '/items',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(response.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc, body).toEqual(['body', position])
    }
  })

  test('an unsupported content type answers 415', async () => {
    const response = await shop().inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    })
    expect(response.status).toBe(415)
    expect(response.json()).toEqual({ detail: 'Unsupported Media Type' })
  })

  test('application/*+json is JSON', async () => {
    const response = await shop().inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
      body: JSON.stringify({ name: 'a', price: 1 }),
    })
    expect(response.status).toBe(201)
  })

  test('a body over the limit answers 413', async () => {
    const app = createApp({ bodyLimit: 100 }).post('/b', { body: t.Object({ s: t.String() }) }, ({ body }) => body)
    const response = await app.inject({ method: 'POST', url: '/b', json: { s: 'x'.repeat(200) } })
    expect(response.status).toBe(413)
    expect(response.json()).toEqual({ detail: 'Payload Too Large' })
  })

  test('__proto__ and constructor.prototype never reach Object.prototype', async () => {
    const app = createApp().post('/p', { body: t.Object({}, { additionalProperties: true }) }, ({ body }) => ({
      polluted: ({} as Record<string, unknown>).polluted ?? null,
      keys: Object.keys(body as object),
    }))
    const response = await app.inject({
      method: 'POST',
      url: '/p',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ polluted: null, keys: ['a'] })
  })
})

describe('errors', () => {
  test('HTTPException answers its detail, status and headers', async () => {
    const app = createApp().get('/x', () => {
      throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' })
    })
    const response = await app.inject({ url: '/x' })
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(response.json()).toEqual({ detail: 'Not authenticated' })
  })

  test('an unexpected error answers a bare 500 and is logged, no stack to the client', async () => {
    const logger = silentLogger()
    const app = createApp({ logger }).get('/boom', async () => {
      throw new Error('database password is hunter2')
    })
    const response = await app.inject({ url: '/boom' })
    expect(response.status).toBe(500)
    expect(response.body).toBe('{"detail":"Internal Server Error"}')
    expect(logger.errors).toHaveLength(1)
    expect((await app.inject({ url: '/boom' })).status).toBe(500)
  })

  test('exceptionHandler overrides the answer for a class of errors and its subclasses', async () => {
    class UnicornException extends Error {}
    class PinkUnicorn extends UnicornException {}
    const app = createApp()
      .get('/u', () => {
        throw new PinkUnicorn('pink')
      })
      .exceptionHandler(UnicornException, (error, request) =>
        json({ message: `Oops! ${error.message} at ${request.path}` }, { status: 418 }),
      )
    const response = await app.inject({ url: '/u' })
    expect(response.status).toBe(418)
    expect(response.json()).toEqual({ message: 'Oops! pink at /u' })
  })

  test('a failing response serialization is a 500, not a crash', async () => {
    const app = createApp({ logger: silentLogger() }).get('/bad', { response: Item }, () => ({}) as never)
    expect((await app.inject({ url: '/bad' })).status).toBe(500)
  })
})

describe('responses', () => {
  test('a response map serializes by the status set on response', async () => {
    const NotFound = t.Object({ detail: t.String() })
    const app = createApp().get('/items/{id}', { response: { 200: Item, 404: NotFound } }, ({ params, response }) => {
      if (params.id !== '1') {
        response.status = 404
        return { detail: 'Item not found' }
      }
      return { name: 'a', price: 1, tags: [] }
    })
    expect((await app.inject({ url: '/items/1' })).json()).toEqual({ name: 'a', price: 1, tags: [] })
    const missing = await app.inject({ url: '/items/2' })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ detail: 'Item not found' })
  })

  test('response headers and cookies set by the handler', async () => {
    const app = createApp().get('/c', ({ response }) => {
      response.setHeader('X-Custom', 'yes')
      response.setCookie('session', 'abc', { httpOnly: true, maxAge: 60 })
      return { ok: true }
    })
    const res = await app.inject({ url: '/c' })
    expect(res.headers['x-custom']).toBe('yes')
    expect(res.headers['set-cookie']).toEqual(['session=abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax'])
  })

  test('204 has no body; helpers are sent as they are', async () => {
    const app = createApp()
      .delete('/d', { status: 204 }, () => undefined)
      .get('/t', () => text('plain'))
      .get('/r', () => redirect('/t'))
    const deleted = await app.inject({ method: 'DELETE', url: '/d' })
    expect(deleted.status).toBe(204)
    expect(deleted.body).toBe('')
    const plain = await app.inject({ url: '/t' })
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(plain.body).toBe('plain')
    const moved = await app.inject({ url: '/r' })
    expect(moved.status).toBe(307)
    expect(moved.headers.location).toBe('/t')
  })
})

describe('start-up errors name the route and the fix', () => {
  test('a path parameter without a schema key', () => {
    const app = createApp().get('/items/{item_id}', { params: t.Object({ id: t.Integer() }) }, () => ({}))
    expect(() => app.ready()).toThrow(
      /GET \/items\/\{item_id\}: path parameter 'item_id' has no key in the params schema/,
    )
  })

  test('two routes with the same method and path', () => {
    const app = createApp()
      .get('/a', () => 1)
      .get('/a', () => 2)
    expect(() => app.ready()).toThrow(/GET.*\/a/)
  })
})

describe('dependencies run through the pipeline', () => {
  test('values, declared inputs and HTTPException from a dependency', async () => {
    const token = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => {
      if (headers['x-token'] !== 'secret') throw new HTTPException(403, 'Forbidden token')
      return headers['x-token']
    })
    const app = createApp().get('/me', { deps: { token } }, ({ deps }) => ({ token: deps.token }))
    expect((await app.inject({ url: '/me', headers: { 'x-token': 'secret' } })).json()).toEqual({ token: 'secret' })
    expect((await app.inject({ url: '/me', headers: { 'x-token': 'nope' } })).status).toBe(403)
    expect((await app.inject({ url: '/me' })).json()).toEqual({
      detail: [{ type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null }],
    })
  })

  test('a generator dependency is torn down after the response, also when the handler throws', async () => {
    const events: string[] = []
    const resource = dependency(function* () {
      events.push('open')
      try {
        yield 'r'
      } catch (error) {
        events.push(`saw ${(error as Error).message}`)
        throw error
      } finally {
        events.push('close')
      }
    })
    const app = createApp({ logger: silentLogger() })
      .get('/ok', { deps: { resource } }, ({ deps }) => ({ value: deps.resource }))
      .get('/fail', { deps: { resource } }, () => {
        throw new Error('handler failed')
      })
    expect((await app.inject({ url: '/ok' })).json()).toEqual({ value: 'r' })
    expect(events).toEqual(['open', 'close'])
    events.length = 0
    expect((await app.inject({ url: '/fail' })).status).toBe(500)
    await vi.waitFor(() => expect(events).toEqual(['open', 'saw handler failed', 'close']))
  })

  test('overrideDependency swaps a dependency, clearDependencyOverrides restores it', async () => {
    const db = dependency(() => 'real')
    const app = createApp().get('/db', { deps: { db } }, ({ deps }) => ({ db: deps.db }))
    app.overrideDependency(
      db,
      dependency(() => 'fake'),
    )
    expect((await app.inject({ url: '/db' })).json()).toEqual({ db: 'fake' })
    app.clearDependencyOverrides()
    expect((await app.inject({ url: '/db' })).json()).toEqual({ db: 'real' })
  })
})

describe('misses through the exception handlers', () => {
  test('an HTTPException handler also answers 404 and 405, as in Starlette', async () => {
    const app = createApp()
      .get('/items', () => [])
      .exceptionHandler(HTTPException, (error) =>
        json({ error: error.detail, status: error.status }, { status: error.status, headers: error.headers }),
      )
    const missing = await app.inject({ url: '/nope' })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ error: 'Not Found', status: 404 })
    const wrongMethod = await app.inject({ method: 'POST', url: '/items' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.allow).toBe('GET, HEAD')
    expect(wrongMethod.json()).toEqual({ error: 'Method Not Allowed', status: 405 })
  })
})
