import { dependency } from '@typefast/dependency-resolution'
import { get, post, router } from '@typefast/router'
import { createApp } from '@typefast/server'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import type { Client } from './client-types.js'
import type { EndpointsOf } from './endpoints-of.js'
import type { HTTPValidationError } from './validation-error.js'

const Item = t.Object({ name: t.String(), price: t.Number(), tags: t.Array(t.String()) }, { $id: 'Item' })
type Item = { name: string; price: number; tags: string[] }
const NotFound = t.Object({ detail: t.String() })

const pagination = dependency(
  { query: t.Object({ skip: t.Optional(t.Integer()), limit: t.Optional(t.Integer()) }) },
  ({ query }) => query,
)
const token = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => headers['x-token'])
const currentUser = dependency({ deps: { token } }, ({ deps }) => ({ name: deps.token }))

const items = router(
  { prefix: '/items' },
  get('/', { deps: { page: pagination }, response: t.Array(Item) }, () => []),
  get(
    '/{item_id}',
    {
      params: t.Object({ item_id: t.Integer() }),
      query: t.Object({ q: t.Optional(t.String()) }),
      response: { 200: Item, 404: NotFound },
    },
    () => ({ name: 'a', price: 1, tags: [] }),
  ),
  post('/', { body: Item, status: 201 as const, response: Item, deps: { user: currentUser } }, ({ body }) => body),
)

const app = createApp()
  .include(items)
  .get('/', () => ({ message: 'Hello World' }))
  .get('/users/{user_id}/files/{file:path}', () => 'x')

declare const client: Client<EndpointsOf<typeof app>>

describe('createClient<typeof app>', () => {
  test('the result is a union discriminated by status', async () => {
    const r = await client.get('/items/{item_id}', { params: { item_id: 1 } })
    if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<Item>()
    if (r.status === 404) expectTypeOf(r.data).toEqualTypeOf<{ detail: string }>()
    if (r.status === 422) expectTypeOf(r.data).toEqualTypeOf<HTTPValidationError>()
    if (r.status === 500) expectTypeOf(r.data).toEqualTypeOf<unknown>()
  })

  test('status defaults to 200 and follows the route status', async () => {
    const list = await client.get('/items')
    if (list.status === 200) expectTypeOf(list.data).toEqualTypeOf<Item[]>()
    const created = await client.post('/items', {
      body: { name: 'a', price: 1, tags: [] },
      headers: { 'x-token': 't' },
    })
    if (created.status === 201) expectTypeOf(created.data).toEqualTypeOf<Item>()
  })

  test('no 422 for a route without inputs', async () => {
    const r = await client.get('/')
    if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<unknown>()
  })

  test('inputs are required exactly when the schema requires them', () => {
    // @ts-expect-error path params are required
    client.get('/items/{item_id}')
    // @ts-expect-error item_id is a number
    client.get('/items/{item_id}', { params: { item_id: 'x' } })
    client.get('/items/{item_id}', { params: { item_id: 1 }, query: { q: 'x' } })
    // @ts-expect-error unknown query key
    client.get('/items/{item_id}', { params: { item_id: 1 }, query: { r: 'x' } })
    // @ts-expect-error no params on a path without any
    client.get('/', { params: {} })
    client.get('/users/{user_id}/files/{file:path}', { params: { user_id: 1, file: 'a/b' } })
    // @ts-expect-error unknown path
    client.get('/nope')
  })

  test('dependency inputs are part of the route inputs, through sub-dependencies', () => {
    client.get('/items', { query: { skip: 1 } })
    // @ts-expect-error limit is an integer
    client.get('/items', { query: { limit: 'x' } })
    // @ts-expect-error x-token comes from a sub-dependency and is required
    client.post('/items', { body: { name: 'a', price: 1, tags: [] } })
    // @ts-expect-error body is required
    client.post('/items', { headers: { 'x-token': 't' } })
  })
})

// The form for large apps: an interface is never walked again, so each call costs its own route.
interface Api extends EndpointsOf<typeof app> {}
declare const fromInterface: Client<EndpointsOf<Api>>

describe('createClient<Api>, an interface extending EndpointsOf<typeof app>', () => {
  test('EndpointsOf keeps the interface as it is', () => {
    expectTypeOf<EndpointsOf<Api>>().toEqualTypeOf<Api>()
  })

  test('the same calls and results as createClient<typeof app>', async () => {
    const r = await fromInterface.get('/items/{item_id}', { params: { item_id: 1 } })
    if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<Item>()
    if (r.status === 422) expectTypeOf(r.data).toEqualTypeOf<HTTPValidationError>()
    const created = await fromInterface.post('/items', {
      body: { name: 'a', price: 1, tags: [] },
      headers: { 'x-token': 't' },
    })
    if (created.status === 201) expectTypeOf(created.data).toEqualTypeOf<Item>()
    const raw = await fromInterface.raw('GET', '/items/{item_id}', { params: { item_id: 1 } })
    expectTypeOf<200 | 404 | 422>().toMatchTypeOf<typeof raw.status>()
  })

  test('the same errors', () => {
    // @ts-expect-error unknown path
    fromInterface.get('/nope')
    // @ts-expect-error path params are required
    fromInterface.get('/items/{item_id}')
    // @ts-expect-error item_id is a number
    fromInterface.get('/items/{item_id}', { params: { item_id: 'x' } })
    // @ts-expect-error x-token comes from a sub-dependency and is required
    fromInterface.post('/items', { body: { name: 'a', price: 1, tags: [] } })
    // @ts-expect-error there is no DELETE /items
    fromInterface.request('DELETE', '/items')
  })
})
