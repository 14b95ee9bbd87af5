import { dependency } from '@typefast/dependency-resolution'
import { get, post, router } from '@typefast/router'
import { createApp } from '@typefast/server'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import { createClient } from './create-client.js'
import { testClient } from './test-client.js'

// Inputs with a default are filled in by the server, so the client may leave them out wherever
// they are declared; inputs without one stay required.
const pagination = dependency(
  { query: t.Object({ skip: t.Integer({ minimum: 0, default: 0 }), limit: t.Integer({ default: 10 }) }) },
  ({ query }) => query,
)
const locale = dependency({ cookies: t.Object({ lang: t.String({ default: 'en' }) }) }, ({ cookies }) => cookies.lang)
const tracing = dependency({ headers: t.Object({ 'x-trace': t.String({ default: '-' }) }) }, ({ headers }) => headers)
const viewer = dependency({ deps: { locale }, headers: t.Object({ 'x-user': t.String() }) }, ({ deps }) => deps)
const version = dependency({ query: t.Object({ v: t.Integer({ default: 1 }) }) }, ({ query }) => query.v)
const region = dependency({ headers: t.Object({ 'x-region': t.String() }) }, ({ headers }) => headers['x-region'])

const TaskIn = t.Object({
  title: t.String(),
  completed: t.Boolean({ default: false }),
  tags: t.Array(t.String(), { default: [] }),
  meta: t.Object({ color: t.String({ default: 'red' }), size: t.Integer() }),
})

const tasks = router(
  { prefix: '/tasks', deps: { tracing } },
  get('/', { deps: { page: pagination }, query: t.Object({ sort: t.String({ default: 'id' }) }) }, () => []),
  get('/mine', { deps: { viewer } }, () => []),
  post(
    '/',
    { body: TaskIn, headers: t.Object({ 'x-mode': t.Union([t.Literal('a'), t.Literal('b')], { default: 'a' }) }) },
    () => null,
  ),
)
const regional = router(
  { prefix: '/regional', deps: { region } },
  router(
    { prefix: '/inner' },
    get('/', () => 1),
  ),
)

const app = createApp({ deps: { version } }).include(tasks, regional)
const client = createClient<typeof app>('http://localhost')

describe('inputs with defaults are optional in the client', () => {
  test('query: the route own, a dependency and the app-level dependency', () => {
    client.get('/tasks')
    client.get('/tasks', { query: { limit: 5 } })
    client.get('/tasks', { query: { skip: 1, limit: 5, sort: 'name', v: 2 } })
    // @ts-expect-error limit is still an integer
    client.get('/tasks', { query: { limit: 'x' } })
    // @ts-expect-error an undeclared query key
    client.get('/tasks', { query: { page: 1 } })
  })

  test('headers: the router-level dependency and the route own', () => {
    client.post('/tasks', { body: { title: 'a', meta: { size: 1 } } })
    client.post('/tasks', { body: { title: 'a', meta: { size: 1 } }, headers: { 'x-trace': 't', 'x-mode': 'b' } })
    // @ts-expect-error x-mode is 'a' or 'b'
    client.post('/tasks', { body: { title: 'a', meta: { size: 1 } }, headers: { 'x-mode': 'c' } })
  })

  test('cookies through a sub-dependency, beside a required header', () => {
    client.get('/tasks/mine', { headers: { 'x-user': 'u' } })
    client.get('/tasks/mine', { headers: { 'x-user': 'u' }, cookies: { lang: 'fr' } })
    // @ts-expect-error x-user has no default
    client.get('/tasks/mine')
  })

  test('body fields, nested objects included', () => {
    client.post('/tasks', { body: { title: 'a', completed: true, tags: ['x'], meta: { color: 'blue', size: 2 } } })
    // @ts-expect-error title has no default
    client.post('/tasks', { body: { meta: { size: 1 } } })
    // @ts-expect-error size, in the nested object, has no default
    client.post('/tasks', { body: { title: 'a', meta: {} } })
  })

  test('a required input of a router-level dependency reaches routes of nested routers', () => {
    client.get('/regional/inner', { headers: { 'x-region': 'eu' } })
    // @ts-expect-error x-region comes from the outer router's dependency
    client.get('/regional/inner')
  })

  test('handlers still see the filled-in values as required', () => {
    createApp().get('/', { deps: { page: pagination }, body: TaskIn }, ({ deps, body }) => {
      expectTypeOf(deps.page).toEqualTypeOf<{ skip: number; limit: number }>()
      expectTypeOf(body.completed).toEqualTypeOf<boolean>()
      expectTypeOf(body.tags).toEqualTypeOf<string[]>()
      return null
    })
  })

  test('testClient has the same optional inputs', () => {
    const inProcess = testClient(app)
    inProcess.get('/tasks')
    inProcess.get('/tasks', { query: { limit: 5 } })
    inProcess.post('/tasks', { body: { title: 'a', meta: { size: 1 } } })
    // @ts-expect-error x-region is required
    inProcess.get('/regional/inner')
  })
})
