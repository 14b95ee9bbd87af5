import { dependency } from '@typefast/dependency-resolution'
import { get } from '@typefast/router'
import { request } from 'undici'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { createApp } from './app.js'
import { lifespan } from './lifespan.js'

const quiet = { error: () => {}, warn: () => {}, info: () => {} }

function fakeDb() {
  const log: string[] = []
  return { log, query: (sql: string) => `result of ${sql}` }
}

describe('lifespan', () => {
  test('set up before the first request, typed state in handlers and dependencies, torn down on close', async () => {
    const events: string[] = []
    const life = lifespan(async function* () {
      events.push('setup')
      const db = fakeDb()
      yield { db, startedAt: 42 }
      events.push('teardown')
    })
    const repo = dependency({ deps: { app: life.state } }, ({ deps }) => ({
      find: (id: number) => deps.app.db.query(`select ${id}`),
    }))
    const app = createApp({ logger: quiet, lifespan: life })
      .onStartup(() => events.push('startup hook'))
      .onShutdown(() => events.push('shutdown hook'))
      .add(
        get('/', { deps: { app: life.state, repo } }, ({ deps }) => {
          expectTypeOf(deps.app.startedAt).toEqualTypeOf<number>()
          return { startedAt: deps.app.startedAt, row: deps.repo.find(7) }
        }),
      )
    expect(events).toEqual([])
    const { url } = await app.listen({ port: 0 })
    expect(events).toEqual(['setup', 'startup hook'])
    expect(app.state).toMatchObject({ startedAt: 42 })
    const response = await request(url)
    expect(await response.body.json()).toEqual({ startedAt: 42, row: 'result of select 7' })
    await app.close()
    expect(events).toEqual(['setup', 'startup hook', 'shutdown hook', 'teardown'])
    expect(app.state).toBeUndefined()
  })

  test('inject starts the lifespan too, once, even for concurrent first requests', async () => {
    let setups = 0
    const app = createApp({
      logger: quiet,
      lifespan: async function* () {
        setups++
        await new Promise((r) => setTimeout(r, 20))
        yield { ready: true }
      },
    }).get('/', () => 'ok')
    const [a, b] = await Promise.all([app.inject({ url: '/' }), app.inject({ url: '/' })])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(setups).toBe(1)
    expect(app.state).toEqual({ ready: true })
    await app.close()
  })

  test('reading the state when the app is not running answers 500', async () => {
    const life = lifespan(async function* () {
      yield 1
    })
    const app = createApp({ logger: quiet }).get('/', { deps: { n: life.state } }, ({ deps }) => ({ n: deps.n }))
    expect((await app.inject({ url: '/' })).status).toBe(500)
  })

  test('a failing set-up fails start-up', async () => {
    const app = createApp({
      logger: quiet,
      // biome-ignore lint/correctness/useYield: the set-up fails before its yield
      lifespan: async function* () {
        throw new Error('database unreachable')
      },
    }).get('/', () => 'ok')
    await expect(app.listen({ port: 0 })).rejects.toThrow('database unreachable')
  })
})
