import { describe, expectTypeOf, test } from 'vitest'
import type { createClient } from './create-client.js'
import type { components, paths } from './test-support/openapi-paths.js'

type Item = components['schemas']['Item']
declare const client: ReturnType<typeof createClient<paths>>

describe('createClient<paths> from openapi-typescript', () => {
  test('only the methods a path has', () => {
    client.get('/items/{item_id}', { params: { item_id: 1 } })
    client.post('/items', { body: { name: 'a', price: 1 } })
    // @ts-expect-error /items has no GET
    client.get('/items')
  })

  test('parameters are required as the document says', () => {
    // @ts-expect-error path parameters are required
    client.get('/items/{item_id}')
    // @ts-expect-error item_id is a number
    client.get('/items/{item_id}', { params: { item_id: 'a' } })
    client.get('/items/{item_id}', { params: { item_id: 1 }, query: { q: null } })
    // @ts-expect-error the x-token header is required
    client.delete('/items/{item_id}', { params: { item_id: 1 } })
    client.delete('/items/{item_id}', { params: { item_id: 1 }, headers: { 'x-token': 't' } })
    // @ts-expect-error the body is required
    client.post('/items')
    // @ts-expect-error no query on this operation
    client.post('/items', { body: { name: 'a', price: 1 }, query: {} })
  })

  test('responses by status: exact codes, NXX ranges and default', async () => {
    const r = await client.get('/items/{item_id}', { params: { item_id: 1 } })
    if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<Item>()
    if (r.status === 422) expectTypeOf(r.data).toEqualTypeOf<components['schemas']['HTTPValidationError']>()
    if (r.status === 404) expectTypeOf(r.data).toEqualTypeOf<{ title: string }>()
    if (r.status === 500) expectTypeOf(r.data).toEqualTypeOf<unknown>()
    const d = await client.delete('/items/{item_id}', { params: { item_id: 1 }, headers: { 'x-token': 't' } })
    if (d.status === 204) expectTypeOf(d.data).toEqualTypeOf<undefined>()
    if (d.status === 500) expectTypeOf(d.data).toEqualTypeOf<string>()
    const c = await client.post('/items', { body: { name: 'a', price: 1 } })
    if (c.status === 201) expectTypeOf(c.data).toEqualTypeOf<Item>()
  })
})
