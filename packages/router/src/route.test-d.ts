import { dependency } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import { del, get, post, put } from './route.js'
import { router } from './router.js'
import type { Route } from './types.js'

const Item = t.Object({ name: t.String(), price: t.Number(), tags: t.Array(t.String()) }, { $id: 'Item' })

describe('handler inputs are inferred from the schemas', () => {
  test('path parameters without a schema are strings, and only those', () => {
    get('/users/{user_id}/items/:item_id', ({ params }) => {
      expectTypeOf(params).toEqualTypeOf<{ user_id: string; item_id: string }>()
      // @ts-expect-error not a parameter of the path
      params.other
      return {}
    })
    get('/files/{file_path:path}', ({ params }) => {
      expectTypeOf(params.file_path).toEqualTypeOf<string>()
      return {}
    })
  })

  test('params, query, headers, cookies and body take their schema types', () => {
    post(
      '/items/{item_id}',
      {
        params: t.Object({ item_id: t.Integer() }),
        query: t.Object({ q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) }),
        headers: t.Object({ 'x-token': t.String() }),
        cookies: t.Object({ session: t.Optional(t.String()) }),
        body: Item,
      },
      ({ params, query, headers, cookies, body }) => {
        expectTypeOf(params.item_id).toEqualTypeOf<number>()
        expectTypeOf(query.q).toEqualTypeOf<string | undefined>()
        expectTypeOf(query.limit).toEqualTypeOf<number>()
        expectTypeOf(headers['x-token']).toEqualTypeOf<string>()
        expectTypeOf(cookies.session).toEqualTypeOf<string | undefined>()
        expectTypeOf(body).toEqualTypeOf<{ name: string; price: number; tags: string[] }>()
        return {}
      },
    )
  })

  test('undeclared inputs cannot be read', () => {
    get('/', ({ query, body, headers }) => {
      // @ts-expect-error no query schema was declared
      query.q
      // @ts-expect-error no headers schema was declared
      headers.authorization
      expectTypeOf(body).toEqualTypeOf<undefined>()
      return {}
    })
  })

  test('a body field of the wrong type does not compile', () => {
    post('/items', { body: Item }, ({ body }) => {
      // @ts-expect-error price is a number
      const price: string = body.price
      return price
    })
  })

  test('dependencies give their resolved values, through sub-dependencies', () => {
    const db = dependency(async function* () {
      yield { find: (id: number) => ({ id, name: 'x' }) }
    })
    const user = dependency(
      { deps: { db }, headers: t.Object({ authorization: t.String() }) },
      async ({ deps, headers }) => {
        expectTypeOf(headers.authorization).toEqualTypeOf<string>()
        return deps.db.find(headers.authorization.length)
      },
    )
    const greeting = dependency({ deps: { user } }, ({ deps }) => `hello ${deps.user.name}`)
    get('/me', { deps: { user, greeting } }, ({ deps }) => {
      expectTypeOf(deps.user).toEqualTypeOf<{ id: number; name: string }>()
      expectTypeOf(deps.greeting).toEqualTypeOf<string>()
      return {}
    })
  })
})

describe('handler results are checked against the response schema', () => {
  test('the right shape compiles, sync or async', () => {
    get('/items/{id}', { response: Item }, () => ({ name: 'a', price: 1, tags: [] }))
    get('/items/{id}', { response: Item }, async () => ({ name: 'a', price: 1, tags: [] }))
  })

  test('a wrong shape does not compile', () => {
    // @ts-expect-error price must be a number
    get('/items/{id}', { response: Item }, () => ({ name: 'a', price: '1', tags: [] }))
    // @ts-expect-error tags is missing
    get('/items/{id}', { response: Item }, async () => ({ name: 'a', price: 1 }))
  })

  test('a response map accepts any of its schemas', () => {
    const NotFound = t.Object({ detail: t.String() })
    get('/items/{id}', { response: { 200: Item, 404: NotFound } }, ({ params }) =>
      params.id === '0' ? { detail: 'gone' } : { name: 'a', price: 1, tags: [] },
    )
    // @ts-expect-error neither schema
    get('/items/{id}', { response: { 200: Item, 404: NotFound } }, () => ({ nope: true }))
  })
})

describe('routers carry their routes with full paths', () => {
  test('prefixes join, nested routers flatten', () => {
    const inner = router(
      { prefix: '/{item_id}' },
      get('/', () => 'x'),
      del('/tags/{tag}', () => null),
    )
    const items = router(
      { prefix: '/items', tags: ['items'] },
      get('/', () => []),
      put('/x', () => 1),
      inner,
    )
    type Paths<R> = R extends Route<infer M, infer P, any> ? `${M} ${P}` : never
    expectTypeOf<Paths<NonNullable<(typeof items)['~routes']>>>().toEqualTypeOf<
      'GET /items' | 'PUT /items/x' | 'GET /items/{item_id}' | 'DELETE /items/{item_id}/tags/{tag}'
    >()
  })
})

describe('the spec keeps its literal types', () => {
  test('status stays a literal, so a typed client can tell 201 from 200', () => {
    const created = post('/items', { status: 201 }, () => ({}))
    expectTypeOf(created.spec.status).toEqualTypeOf<201>()
  })
})
