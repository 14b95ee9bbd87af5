// Runs every sample of dependencies.md and checks what the page says of it.
import { describe, expect, test, vi } from 'vitest'

describe('dependencies', () => {
  test('first-steps.ts: the query parameters of a dependency, validated and documented on both routes', async () => {
    const { app } = await import('./samples/dependencies/first-steps.js')
    expect((await app.inject({ url: '/items?skip=5' })).json()).toEqual({ q: null, skip: 5, limit: 100 })
    const invalid = await app.inject({ url: '/users?limit=0' })
    expect(invalid.status).toBe(422)
    expect(invalid.json()).toMatchObject({ detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'] }] })
    const document = app.openapi()
    for (const path of ['/items', '/users']) {
      const names = document.paths[path]?.get?.parameters?.map((p) => ('name' in p ? p.name : undefined))
      expect(names).toEqual(['q', 'skip', 'limit'])
    }
  })

  test('sub-dependencies.ts: the query wins, the cookie is the fallback', async () => {
    const { app } = await import('./samples/dependencies/sub-dependencies.js')
    expect((await app.inject({ url: '/items?q=hi' })).json()).toEqual({ q_or_cookie: 'hi' })
    expect((await app.inject({ url: '/items', headers: { cookie: 'last_query=old' } })).json()).toEqual({
      q_or_cookie: 'old',
    })
    expect((await app.inject({ url: '/items' })).json()).toEqual({ q_or_cookie: null })
  })

  test('router-deps.ts: router and app dependencies guard every route under them', async () => {
    const { app } = await import('./samples/dependencies/router-deps.js')
    const key = { 'x-key': 'fake-super-secret-key' }
    const token = { 'x-token': 'fake-super-secret-token' }
    const noKey = await app.inject({ url: '/users' })
    expect(noKey.status).toBe(422)
    expect(noKey.json()).toMatchObject({ detail: [{ type: 'missing', loc: ['header', 'x-key'] }] })
    expect((await app.inject({ url: '/users', headers: key })).json()).toEqual([
      { username: 'Rick' },
      { username: 'Morty' },
    ])
    const badToken = await app.inject({ url: '/items', headers: { ...key, 'x-token': 'nope' } })
    expect(badToken.status).toBe(400)
    expect(badToken.json()).toEqual({ detail: 'X-Token header invalid' })
    expect((await app.inject({ url: '/items', headers: { ...key, ...token } })).status).toBe(200)
  })

  test('with-yield.ts: teardown after the response, and it sees the handler’s exception', async () => {
    const { app, sessionLog } = await import('./samples/dependencies/with-yield.js')
    expect((await app.inject({ url: '/items/1' })).json()).toEqual({ id: 1, name: 'Plumbus' })
    await vi.waitFor(() => expect(sessionLog).toEqual(['open', 'close']))
    sessionLog.length = 0
    expect((await app.inject({ url: '/items/2' })).status).toBe(404)
    await vi.waitFor(() => expect(sessionLog).toEqual(['open', 'rollback after Item not found', 'close']))
  })
})
