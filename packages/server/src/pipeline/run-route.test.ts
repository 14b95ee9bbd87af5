import { t } from '@typefast/validation'
import { afterEach, expect, test, vi } from 'vitest'
import { createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

function twoRoutes() {
  const logger = quietLogger<{ err: Error }>()
  const app = createApp({ logger })
    .get('/items/{id}', { params: t.Object({ id: t.Integer() }) }, ({ params }) => {
      if (params.id === 0) throw new Error('no item 0')
      return { id: params.id }
    })
    .get('/boom', () => {
      throw new Error('broken')
    })
  return { app, logger }
}

test("each route runs its own copy of the run, named by the route's sourceURL", async () => {
  const { app, logger } = twoRoutes()
  expect((await app.inject({ url: '/items/0' })).status).toBe(500)
  expect((await app.inject({ url: '/boom' })).status).toBe(500)
  const [item, boom] = logger.errors.map(({ err }) => err.stack ?? '')
  expect(item).toContain('(typefast/route/GET/items/{id}:')
  expect(boom).toContain('(typefast/route/GET/boom:')
  expect(boom).not.toContain('typefast/route/GET/items')
})

test('the response-object path (middleware) has its own copy too', async () => {
  const logger = quietLogger<{ err: Error }>()
  const app = createApp({ logger })
    .use((_request, next) => next())
    .get('/boom', () => {
      throw new Error('broken')
    })
  expect((await app.inject({ url: '/boom' })).status).toBe(500)
  expect(logger.errors[0]?.err.stack).toContain('(typefast/route/GET/boom/response:')
})

test('TYPEFAST_GENERATE=0: every route shares the one run, with the same answers', async () => {
  vi.stubEnv('TYPEFAST_GENERATE', '0')
  const { app, logger } = twoRoutes()
  const ok = await app.inject({ url: '/items/42' })
  expect(ok.status).toBe(200)
  expect(ok.json()).toEqual({ id: 42 })
  expect((await app.inject({ url: '/items/x' })).status).toBe(422)
  expect((await app.inject({ url: '/boom' })).status).toBe(500)
  expect(logger.errors[0]?.err.stack).not.toContain('typefast/route/')
  expect(logger.errors[0]?.err.stack).toMatch(/run-route\.(ts|js)/)
})
