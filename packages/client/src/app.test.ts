import { dependency } from '@typefast/dependency-resolution'
import { get, post, router } from '@typefast/router'
import { createApp, HTTPException } from '@typefast/server'
import { t } from '@typefast/validation'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createClient } from './create-client.js'
import { override } from './override.js'
import { testClient } from './test-client.js'

// The same typefast app, called over a real socket and in-process: the two must agree.
const Item = t.Object({ name: t.String({ minLength: 1 }), price: t.Number(), tags: t.Array(t.String()) })
const store = new Map<number, { name: string; price: number; tags: string[] }>([
  [1, { name: 'one', price: 1, tags: [] }],
])
const token = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => {
  if (headers['x-token'] !== 'secret') throw new HTTPException(401, 'Not authenticated')
  return headers['x-token']
})
const owner = dependency({ deps: { token } }, () => 'alice')

const items = router(
  { prefix: '/items' },
  get('/', { query: t.Object({ tag: t.Optional(t.Array(t.String())) }) }, ({ query }) => ({ tags: query.tag ?? [] })),
  get(
    '/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), response: { 200: Item, 404: t.Object({ detail: t.String() }) } },
    ({ params }) => store.get(params.item_id) ?? { name: '', price: 0, tags: [] },
  ),
  post('/', { body: Item, status: 201 as const, response: Item, deps: { who: owner } }, ({ body }) => body),
  get('/me', { deps: { who: owner } }, ({ deps }) => ({ owner: deps.who })),
  get('/files/{file_path:path}', ({ params }) => ({ path: params.file_path })),
)
const quiet = { error() {}, warn() {}, info() {}, isLevelEnabled: () => false }
const app = createApp({ title: 'client tests', logger: quiet })
  .include(items)
  .get('/plain', () => 'not json?')

const surfaces = {
  socket: async () => {
    const listening = await app.listen({ port: 0 })
    const client = createClient<typeof app>(listening.url)
    const close = async () => {
      await client.close()
      await app.close()
    }
    return { client, close }
  },
  inProcess: async () => {
    const client = testClient(app)
    return { client, close: () => client.close() }
  },
}

for (const [name, open] of Object.entries(surfaces)) {
  describe(`a typefast app, ${name}`, () => {
    let surface: Awaited<ReturnType<typeof surfaces.socket>>
    beforeAll(async () => {
      surface = await open()
    })
    afterAll(() => surface.close())

    test('declared answer: typed data by status', async () => {
      const r = await surface.client.get('/items/{item_id}', { params: { item_id: 1 } })
      expect(r.status).toBe(200)
      if (r.status === 200) expect(r.data.name).toBe('one')
    })

    test('422 carries FastAPI validation errors', async () => {
      const r = await surface.client.get('/items/{item_id}', { params: { item_id: 'abc' as unknown as number } })
      expect(r.status).toBe(422)
      if (r.status === 422) expect(r.data.detail[0]?.loc).toEqual(['path', 'item_id'])
    })

    test('query arrays arrive as arrays', async () => {
      const r = await surface.client.get('/items', { query: { tag: ['a', 'b'] } })
      expect(r.data).toEqual({ tags: ['a', 'b'] })
    })

    test('a JSON body and the headers of a sub-dependency', async () => {
      const body = { name: 'two', price: 2, tags: ['x'] }
      const r = await surface.client.post('/items', { body, headers: { 'x-token': 'secret' } })
      expect(r.status).toBe(201)
      expect(r.data).toEqual(body)
      const denied = await surface.client.post('/items', { body, headers: { 'x-token': 'wrong' } })
      expect(denied).toMatchObject({ status: 401, data: { detail: 'Not authenticated' } })
    })

    test('path parameters are encoded; a :path one keeps its slashes', async () => {
      const r = await surface.client.get('/items/files/{file_path:path}', { params: { file_path: 'a b/c.txt' } })
      expect(r.data).toEqual({ path: 'a b/c.txt' })
    })
  })
}

describe('testClient with overrides', () => {
  test('a dependency is replaced while the client is open', async () => {
    const fakeOwner = dependency(() => 'bob')
    {
      await using client = testClient(app, { overrides: [override(owner, fakeOwner)] })
      const r = await client.get('/items/me', { headers: { 'x-token': 'secret' } })
      expect(r.data).toEqual({ owner: 'bob' })
    }
    await using client = testClient(app)
    const r = await client.get('/items/me', { headers: { 'x-token': 'secret' } })
    expect(r.data).toEqual({ owner: 'alice' })
  })
})
