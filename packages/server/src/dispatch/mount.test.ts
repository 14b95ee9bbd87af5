import { request } from 'undici'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { closeAfterTest } from '../test-support.js'

const quiet = { error: () => {}, warn: () => {}, info: () => {} }
function subApp(events: string[] = []) {
  return createApp({ title: 'Admin', logger: quiet })
    .onStartup(() => events.push('sub startup'))
    .onShutdown(() => events.push('sub shutdown'))
    .get('/', () => ({ admin: 'root' }))
    .get('/users/{id}', ({ params, request }) => ({ id: params.id, path: request.path, url: request.url }))
}

describe('app.mount()', () => {
  test('the mounted app serves its paths under the prefix, without the prefix', async () => {
    const app = createApp({ logger: quiet })
      .get('/', () => ({ main: true }))
      .mount('/admin', subApp())
    expect((await app.inject({ url: '/' })).json()).toEqual({ main: true })
    expect((await app.inject({ url: '/admin' })).json()).toEqual({ admin: 'root' })
    expect((await app.inject({ url: '/admin/?x=1' })).json()).toEqual({ admin: 'root' })
    expect((await app.inject({ url: '/admin/users/5?q=1' })).json()).toEqual({
      id: '5',
      path: '/users/5',
      url: '/users/5?q=1',
    })
    expect((await app.inject({ url: '/administrator' })).status).toBe(404)
    expect((await app.inject({ url: '/admin/nope' })).json()).toEqual({ detail: 'Not Found' })
  })

  test('the mounted app has its own docs and document, with the prefix in servers', async () => {
    const app = createApp({ title: 'Main', logger: quiet }).mount('/admin', subApp())
    const main = (await app.inject({ url: '/openapi.json' })).json<any>()
    expect(main.info.title).toBe('Main')
    expect(main.servers).toBeUndefined()
    const sub = (await app.inject({ url: '/admin/openapi.json' })).json<any>()
    expect(sub.info.title).toBe('Admin')
    expect(sub.servers).toEqual([{ url: '/admin' }])
    expect(Object.keys(sub.paths)).toEqual(['/', '/users/{id}'])
    const docs = (await app.inject({ url: '/admin/docs' })).body
    expect(docs).toContain('/admin/openapi.json')
    expect(docs).toContain('/admin/docs-assets/')
  })

  test("runs the mounted app's hooks with the app's; over a real socket; middleware of the parent does not apply", async () => {
    const events: string[] = []
    const app = createApp({ logger: quiet })
      .use(async (_request, next) => {
        const response = await next()
        response.headers['x-main'] = '1'
        return response
      })
      .get('/here', () => 'here')
      .mount('/admin', subApp(events))
    closeAfterTest(app)
    const { url } = await app.listen({ port: 0 })
    expect(events).toEqual(['sub startup'])
    const sub = await request(`${url}/admin/users/9`)
    expect(await sub.body.json()).toMatchObject({ id: '9' })
    expect(sub.headers['x-main']).toBeUndefined()
    const here = await request(`${url}/here`)
    expect(here.headers['x-main']).toBe('1')
    await here.body.text()
    await app.close()
    expect(events).toEqual(['sub startup', 'sub shutdown'])
  })

  test('a bad prefix is a start-up error naming the fix', () => {
    expect(() => createApp().mount('admin', subApp())).toThrow("must start with '/'")
    expect(() => createApp().mount('/admin/', subApp())).toThrow("e.g. '/v2'")
  })
})

describe('rootPath', () => {
  test('behind a proxy that strips /api/v1: servers and the docs pages point under it, routes do not move', async () => {
    const app = createApp({ rootPath: '/api/v1', logger: quiet }).get('/items', () => [])
    expect((await app.inject({ url: '/items' })).status).toBe(200)
    expect(app.openapi().servers).toEqual([{ url: '/api/v1' }])
    const docs = (await app.inject({ url: '/docs' })).body
    expect(docs).toContain('/api/v1/openapi.json')
    expect((await app.inject({ url: '/redoc' })).body).toContain('/api/v1/openapi.json')
  })

  test('a path still under the root path is routed without it, once, as Starlette routes it', async () => {
    const admin = createApp({ logger: quiet }).get('/users', () => ['ada'])
    const app = createApp({ rootPath: '/shop', logger: quiet })
      .get('/items', () => ['widget'])
      .mount('/admin', admin)
    expect((await app.inject({ url: '/shop/items?x=1' })).json()).toEqual(['widget'])
    expect((await app.inject({ url: '/shop/admin/users' })).json()).toEqual(['ada'])
    expect((await app.inject({ url: '/shop/shop/items' })).status).toBe(404)
    expect((await app.inject({ url: '/shopping/items' })).status).toBe(404)
  })

  test("servers as FastAPI writes them: root_path's last when none are set, first when some are", () => {
    const derived = createApp({ rootPath: '/shop', logger: quiet }).openapi()
    expect(Object.keys(derived).at(-1)).toBe('servers')
    const servers = [{ url: 'https://api.example.com' }]
    expect(createApp({ rootPath: '/shop', servers, logger: quiet }).openapi().servers).toEqual([
      { url: '/shop' },
      { url: 'https://api.example.com' },
    ])
  })
})
