import { dependency } from '@typefast/dependency-resolution'
import { get, post, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test, vi } from 'vitest'
import { createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'

// Invalid input under dependencies, answered as FastAPI 0.142.2 answers the twin app (each
// expected body is FastAPI's, byte for byte): dependencies are solved first, each after its
// sub-dependencies, and one that raises is the answer; the route's own errors come last.

const Item = t.Object({ name: t.String(), price: t.Number() }, { $id: 'Item' })
const unauthorized = () => new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' })
const auth = dependency({ headers: t.Object({ authorization: t.Optional(t.String()) }) }, ({ headers }) => {
  if (headers.authorization !== 'Bearer ok') throw unauthorized()
  return 'user'
})
const depA = dependency({ query: t.Object({ a: t.Integer() }) }, ({ query }) => query.a)
const depB = dependency({ query: t.Object({ b: t.Integer() }) }, ({ query }) => query.b)
const refuse = dependency(() => {
  throw unauthorized()
})
const inner = dependency({ query: t.Object({ y: t.Integer() }) }, ({ query }) => query.y)
const outer = dependency({ query: t.Object({ x: t.Integer() }), deps: { inner } }, ({ query }) => query.x)
const token = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => headers['x-token'])
const calls: string[] = []
const counted = dependency({ query: t.Object({ n: t.Optional(t.Integer()) }) }, () => calls.push('counted'))

const app = createApp()
  .post('/login-first', { body: Item, deps: { user: auth } }, ({ body }) => body)
  .include(
    router(
      { deps: { depA, depB } },
      post('/shared', { body: Item, query: t.Object({ c: t.Integer() }) }, ({ body }) => body),
    ),
    router(
      { deps: { depA, refuse } },
      get('/raises', { query: t.Object({ c: t.Integer() }) }, () => ({})),
    ),
    router(
      { deps: { token } },
      get(
        '/headers',
        { query: t.Object({ c: t.Integer() }), headers: t.Object({ 'x-trace-id': t.String() }) },
        () => ({}),
      ),
    ),
  )
  .get('/nested', { query: t.Object({ c: t.Integer() }), deps: { o: outer } }, () => ({}))
  .get('/twice', { query: t.Object({ c: t.Integer() }), deps: { a1: depA, a2: depA } }, () => ({}))
  .get('/called', { query: t.Object({ c: t.Integer() }), deps: { counted } }, () => ({}))

const intParsing = (name: string, input: string) =>
  `{"type":"int_parsing","loc":["query","${name}"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"${input}"}`
const missing = (where: string, name: string) =>
  `{"type":"missing","loc":["${where}","${name}"],"msg":"Field required","input":null}`

describe('order of errors under dependencies (FastAPI 0.142.2)', () => {
  test('a dependency that raises answers before the body is validated: 401, not 422', async () => {
    for (const body of ['{"name":1}', '']) {
      const response = await app.inject({
        method: 'POST',
        url: '/login-first',
        headers: body === '' ? {} : { 'content-type': 'application/json' },
        body,
      })
      expect(response.status).toBe(401)
      expect(response.headers['www-authenticate']).toBe('Bearer')
      expect(response.body).toBe('{"detail":"Not authenticated"}')
    }
  })

  test('malformed JSON is answered before any dependency runs, as FastAPI reads the body first', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login-first',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    })
    expect(response.status).toBe(422)
    expect((response.json() as { detail: { type: string }[] }).detail[0]!.type).toBe('json_invalid')
  })

  test('with the dependency satisfied, the body errors are the answer', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login-first',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ok' },
      body: '{"price":"x"}',
    })
    expect(response.status).toBe(422)
    expect(response.body).toBe(
      '{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{"price":"x"}},{"type":"float_parsing","loc":["body","price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}]}',
    )
  })

  test("the dependencies' errors come first, in declaration order, then the route's query, then its body", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/shared?a=x&b=y&c=z',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(422)
    expect(response.body).toBe(
      `{"detail":[${intParsing('a', 'x')},${intParsing('b', 'y')},${intParsing('c', 'z')},{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}},{"type":"missing","loc":["body","price"],"msg":"Field required","input":{}}]}`,
    )
    const absent = await app.inject({ method: 'POST', url: '/shared', json: { name: 'n', price: 1 } })
    expect(absent.body).toBe(`{"detail":[${missing('query', 'a')},${missing('query', 'b')},${missing('query', 'c')}]}`)
  })

  test('a dependency with errors is skipped, and a later one that raises is still the answer', async () => {
    const response = await app.inject({ url: '/raises?a=x&c=z' })
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(response.body).toBe('{"detail":"Not authenticated"}')
  })

  test("a sub-dependency's errors come before its dependent's", async () => {
    const response = await app.inject({ url: '/nested?x=a&y=b&c=d' })
    expect(response.body).toBe(`{"detail":[${intParsing('y', 'b')},${intParsing('x', 'a')},${intParsing('c', 'd')}]}`)
  })

  test('a dependency used twice reports its errors twice, as FastAPI does', async () => {
    const response = await app.inject({ url: '/twice?a=x' })
    expect(response.body).toBe(`{"detail":[${intParsing('a', 'x')},${intParsing('a', 'x')},${missing('query', 'c')}]}`)
  })

  test("a dependency's header errors come before the route's query and header errors", async () => {
    const response = await app.inject({ url: '/headers' })
    expect(response.body).toBe(
      `{"detail":[${missing('header', 'x-token')},${missing('query', 'c')},${missing('header', 'x-trace-id')}]}`,
    )
  })

  test('a dependency whose own inputs are valid is called even when the route answers 422', async () => {
    calls.length = 0
    const response = await app.inject({ url: '/called?n=1' })
    expect(response.status).toBe(422)
    expect(calls).toEqual(['counted'])
  })

  test('under middleware, and with a generator dependency torn down after the answer', async () => {
    const log: string[] = []
    const session = dependency(function* () {
      log.push('open')
      try {
        yield 'session'
      } finally {
        log.push('close')
      }
    })
    const wrapped = createApp()
      .use((_request, next) => next())
      .post('/guarded', { body: Item, deps: { session, user: auth } }, ({ body }) => body)
    const response = await wrapped.inject({ method: 'POST', url: '/guarded', json: { name: 1 } })
    expect(response.status).toBe(401)
    expect(response.body).toBe('{"detail":"Not authenticated"}')
    await vi.waitFor(() => expect(log).toEqual(['open', 'close']))
  })
})
