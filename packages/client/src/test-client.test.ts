import { dependency } from '@typefast/dependency-resolution'
import type { get } from '@typefast/router'
import { describe, expect, test } from 'vitest'
import type { InjectableApp } from './inject-transport.js'
import { override } from './override.js'
import { testClient } from './test-client.js'

type InjectOptions = Parameters<InjectableApp['inject']>[0]

/** An app-shaped fake that records what testClient asks of it. */
function fakeApp() {
  const log: string[] = []
  const seen: InjectOptions[] = []
  const app = {
    '~routes': undefined as unknown as ReturnType<typeof get<'/items/{id}'>>,
    async inject(options: InjectOptions) {
      seen.push(options)
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] },
        body: '{"ok":true}',
      }
    },
    async startup() {
      log.push('startup')
    },
    async close() {
      log.push('close')
    },
    overrideDependency(original: unknown, replacement: unknown) {
      log.push(`override ${(original as { name: string }).name}->${(replacement as { name: string }).name}`)
    },
    clearDependencyOverrides(original: unknown) {
      log.push(`clear ${(original as { name: string }).name}`)
    },
  }
  return { app, log, seen }
}

describe('testClient', () => {
  test('runs requests through inject with the path, query, headers and body encoded', async () => {
    const { app, seen } = fakeApp()
    const client = testClient(app, { headers: { authorization: 'Bearer t' } })
    const r = await client.get('/items/{id}', { params: { id: 'a b' }, headers: { 'x-a': ['1', '2'] } })
    expect(r).toMatchObject({ status: 200, data: { ok: true } })
    expect(r.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(seen[0]).toEqual({
      method: 'GET',
      url: '/items/a%20b',
      headers: { authorization: 'Bearer t', 'x-a': '1, 2' },
      body: undefined,
    })
    await client.close()
  })

  test('starts the lifespan on first use and ends it on close, once', async () => {
    const { app, log } = fakeApp()
    const client = testClient(app)
    expect(log).toEqual([])
    await Promise.all([
      client.get('/items/{id}', { params: { id: 1 } }),
      client.get('/items/{id}', { params: { id: 2 } }),
    ])
    expect(log).toEqual(['startup'])
    await client.close()
    await client.close()
    expect(log).toEqual(['startup', 'close'])
  })

  test('await using applies the overrides for the block and removes them after', async () => {
    const { app, log } = fakeApp()
    const db = dependency(() => 1, { name: 'db' })
    const fakeDb = dependency(() => 2, { name: 'fakeDb' })
    {
      await using client = testClient(app, { overrides: [override(db, fakeDb)] })
      expect(log).toEqual(['override db->fakeDb'])
      await client.get('/items/{id}', { params: { id: 1 } })
    }
    expect(log).toEqual(['override db->fakeDb', 'startup', 'clear db', 'close'])
  })

  test('a client never used does not start or stop the lifespan', async () => {
    const { app, log } = fakeApp()
    await testClient(app).close()
    expect(log).toEqual([])
  })

  test('forms are encoded as multipart, URLSearchParams as urlencoded', async () => {
    const { app, seen } = fakeApp()
    const client = testClient(app)
    const form = new FormData()
    form.set('name', 'x')
    await client.request('GET', '/items/{id}', { params: { id: 1 }, body: form } as never)
    expect(seen[0]?.headers?.['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(String(seen[0]?.body)).toContain('name="name"')
    await client.request('GET', '/items/{id}', { params: { id: 1 }, body: new URLSearchParams({ a: '1' }) } as never)
    expect(seen[1]).toMatchObject({ body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  })

  test('an aborted signal rejects before the app is called', async () => {
    const { app, seen } = fakeApp()
    const client = testClient(app)
    await expect(client.get('/items/{id}', { params: { id: 1 }, signal: AbortSignal.abort() })).rejects.toThrow()
    expect(seen).toEqual([])
  })
})
