import { dependency } from '@typefast/dependency-resolution'
import { get, type Middleware, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { AppLockedError } from '../errors.js'
import { apiKeyHeader } from '../security/api-key.js'
import { type App, createApp } from './app.js'

const passThrough: Middleware = (_request, next) => next()

describe('ready() compiles everything, then the app is locked', () => {
  const late = {
    'app.get': (app: App<any>) => app.get('/late', () => 1),
    'app.add': (app: App<any>) => app.add(get('/late', () => 1)),
    'app.include': (app: App<any>) =>
      app.include(
        router(
          { prefix: '/r' },
          get('/', () => 1),
        ),
      ),
    'app.use': (app: App<any>) => app.use(passThrough),
    'app.websocket': (app: App<any>) => app.websocket('/ws', () => {}),
    'app.mount': (app: App<any>) => app.mount('/v2', createApp()),
  }

  test.each(Object.entries(late))('%s after ready() throws TF_APP_LOCKED, naming the call and the fix', (call, add) => {
    const app = createApp().get('/', () => 0)
    app.ready()
    let thrown: unknown
    try {
      add(app)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppLockedError)
    expect((thrown as AppLockedError).code).toBe('TF_APP_LOCKED')
    expect((thrown as Error).message).toContain(call)
    expect((thrown as Error).message).toMatch(/before the app starts serving/)
  })

  test('a route added after the first inject() throws, and the app keeps serving', async () => {
    const app = createApp().get('/', () => 0)
    expect((await app.inject({ url: '/' })).json()).toBe(0)
    expect(() => app.get('/late', () => 1)).toThrow(AppLockedError)
    expect((await app.inject({ url: '/late' })).status).toBe(404)
  })

  test('a failed ready() does not lock: the mistake can be fixed', () => {
    const app = createApp().get('/items/{id}', { params: t.Object({ other: t.String() }) }, () => 1)
    expect(() => app.ready()).toThrow(/items/)
    expect(() => app.get('/more', () => 2)).not.toThrow()
  })

  test('a duplicate schema $id fails ready() even with openapiUrl: false', () => {
    const A = t.Object({ a: t.String() }, { $id: 'Twice' })
    const B = t.Object({ b: t.Integer() }, { $id: 'Twice' })
    const app = createApp({ openapiUrl: false })
      .post('/a', { body: A }, () => null)
      .post('/b', { body: B }, () => null)
    expect(() => app.ready()).toThrow(/Twice/)
  })

  test('two security schemes with one name fail ready() even with openapiUrl: false', () => {
    const first = apiKeyHeader({ name: 'x-one', schemeName: 'Key' })
    const second = apiKeyHeader({ name: 'x-two', schemeName: 'Key' })
    const app = createApp({ openapiUrl: false })
      .get('/a', { deps: { key: first } }, () => 1)
      .get('/b', { deps: { key: second } }, () => 2)
    expect(() => app.ready()).toThrow(expect.objectContaining({ code: 'TF_SECURITY_SCHEME_CLASH' }))
  })

  test('a mounted app is compiled by its parent’s ready()', () => {
    const child = createApp().get('/items/{id}', { params: t.Object({ other: t.String() }) }, () => 1)
    const app = createApp().mount('/v2', child)
    expect(() => app.ready()).toThrow(/items/)
  })

  test('dependency overrides still swap in after ready()', async () => {
    const user = dependency(() => 'real')
    const app = createApp().get('/', { deps: { user } }, ({ deps }) => deps.user)
    app.ready()
    expect((await app.inject({ url: '/' })).json()).toBe('real')
    app.overrideDependency(
      user,
      dependency(() => 'fake'),
    )
    expect((await app.inject({ url: '/' })).json()).toBe('fake')
    app.clearDependencyOverrides()
    expect((await app.inject({ url: '/' })).json()).toBe('real')
  })
})
