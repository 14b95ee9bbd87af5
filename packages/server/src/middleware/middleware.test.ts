import { dependency } from '@typefast/dependency-resolution'
import { get, type Middleware, router } from '@typefast/router'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { json, text } from '../responses/responses.js'
import { closeAfterTest, quietLogger } from '../test-support.js'

const tag =
  (name: string, log: string[]): Middleware =>
  async (request, next) => {
    log.push(`${name} before ${request.path}`)
    const response = await next()
    log.push(`${name} after ${response.status}`)
    response.headers[`x-${name}`] = 'yes'
    return response
  }

describe('app.use()', () => {
  test('runs before and after the route, outermost first, and sees the final response', async () => {
    const log: string[] = []
    const app = createApp({ logger: quietLogger() })
      .use(tag('outer', log), tag('inner', log))
      .get('/hello', ({ response }) => {
        log.push('handler')
        response.setHeader('x-from-handler', '1')
        return { message: 'hi' }
      })
    const response = await app.inject({ url: '/hello' })
    expect(response.json()).toEqual({ message: 'hi' })
    expect(response.headers['x-outer']).toBe('yes')
    expect(response.headers['x-inner']).toBe('yes')
    expect(response.headers['x-from-handler']).toBe('1')
    expect(response.headers['content-length']).toBe('16')
    expect(log).toEqual(['outer before /hello', 'inner before /hello', 'handler', 'inner after 200', 'outer after 200'])
  })

  test('also wraps 404, 405, validation errors and exceptions', async () => {
    const app = createApp({ logger: quietLogger() })
      .use(async (_request, next) => {
        const response = await next()
        response.headers['x-seen'] = String(response.status)
        return response
      })
      .get('/boom', () => {
        throw new HTTPException(418, 'teapot')
      })
      .get('/crash', () => {
        throw new Error('unexpected')
      })
    for (const [method, url, status] of [
      ['GET', '/nowhere', 404],
      ['POST', '/boom', 405],
      ['GET', '/boom', 418],
      ['GET', '/crash', 500],
    ] as const) {
      const response = await app.inject({ method, url })
      expect(response.status).toBe(status)
      expect(response.headers['x-seen']).toBe(String(status))
    }
    expect((await app.inject({ method: 'POST', url: '/boom' })).headers.allow).toBe('GET, HEAD')
  })

  test('may answer without calling next, replace the response, or throw an HTTPException', async () => {
    const app = createApp({ logger: quietLogger() })
      .use((request, next) => {
        if (request.headers['x-token'] === undefined) throw new HTTPException(401, 'No token')
        if (request.path === '/short') return text('short-circuited')
        return next()
      })
      .use(async (_request, next) => {
        const response = await next()
        return response.status === 200 ? json({ wrapped: JSON.parse(String(response.body)) }) : response
      })
      .get('/data', () => ({ n: 1 }))
    expect((await app.inject({ url: '/data' })).json()).toEqual({ detail: 'No token' })
    expect((await app.inject({ url: '/short', headers: { 'x-token': 'a' } })).body).toBe('short-circuited')
    expect((await app.inject({ url: '/data', headers: { 'x-token': 'a' } })).json()).toEqual({ wrapped: { n: 1 } })
  })

  test('a middleware returning something else answers 500 and is logged', async () => {
    const logger = quietLogger()
    const app = createApp({ logger })
      .use((() => ({ status: 200 })) as unknown as Middleware)
      .get('/', () => 'x')
    expect((await app.inject({ url: '/' })).status).toBe(500)
    expect(logger.errors).toHaveLength(1)
  })

  test('dependency teardown and background tasks wait until the final response is sent', async () => {
    const events: string[] = []
    const resource = dependency(async function* resource() {
      events.push('setup')
      yield 'r'
      events.push('teardown')
    })
    const app = createApp({ logger: quietLogger() })
      .use(async (_request, next) => {
        const response = await next()
        events.push('middleware after')
        return response
      })
      .get('/', { deps: { resource } }, ({ background }) => {
        background.add((n: number) => events.push(`task ${n}`), 1)
        return { ok: true }
      })
    const url = (await closeAfterTest(app).listen({ port: 0 })).url
    await (await request(url)).body.text()
    for (let i = 0; i < 20 && events.length < 5; i++) await new Promise((r) => setTimeout(r, 10))
    expect(events).toEqual(['setup', 'middleware after', 'task 1', 'teardown'])
  })
})

describe('router middleware', () => {
  test('runs only for the routes below the router, inside the app middleware', async () => {
    const log: string[] = []
    const admin = router(
      { prefix: '/admin', middleware: [tag('admin', log)] },
      get('/panel', () => ({ admin: true })),
    )
    const withApp = (...middleware: Middleware[]) =>
      createApp({ logger: quietLogger() })
        .use(...middleware)
        .include(admin)
        .get('/public', () => ({ public: true }))
    const app = withApp()
    const panel = await app.inject({ url: '/admin/panel' })
    expect(panel.json()).toEqual({ admin: true })
    expect(panel.headers['x-admin']).toBe('yes')
    expect((await app.inject({ url: '/public' })).headers['x-admin']).toBeUndefined()
    log.length = 0
    await withApp(tag('app', log)).inject({ url: '/admin/panel' })
    expect(log).toEqual(['app before /admin/panel', 'admin before /admin/panel', 'admin after 200', 'app after 200'])
  })

  test('nested routers stack their middleware, outermost first; over a real socket too', async () => {
    const log: string[] = []
    const inner = router(
      { prefix: '/b', middleware: [tag('b', log)] },
      get('/c', () => 'deep'),
    )
    const outer = router({ prefix: '/a', middleware: [tag('a', log)] }, inner)
    const app = createApp({ logger: quietLogger() }).include(outer)
    const url = (await closeAfterTest(app).listen({ port: 0 })).url
    const response = await request(`${url}/a/b/c`)
    expect(await response.body.json()).toBe('deep')
    expect(response.headers['x-a']).toBe('yes')
    expect(log).toEqual(['a before /a/b/c', 'b before /a/b/c', 'b after 200', 'a after 200'])
  })
})
