// Generates a typefast app of N routes as a large real one is written: routers of ten routes,
// an app-level and a router-level dependency, dependencies and sub-dependencies declaring
// headers and queries with defaults, response maps and a model per router; and a module that
// calls every route once through the typed client, leaving the defaulted inputs out: typed by
// `interface Api extends EndpointsOf<typeof app> {}` (the form for large apps), or by
// `typeof app` directly.

export const routesPerRouter = 10

const header = `import { dependency } from '@typefast/dependency-resolution'
import { del, get, patch, post, put, router } from '@typefast/router'
import { createApp } from '@typefast/server'
import { t } from '@typefast/validation'

const NotFound = t.Object({ detail: t.String() })
const Conflict = t.Object({ detail: t.String(), existing: t.Integer() })
const pagination = dependency(
  { query: t.Object({ skip: t.Integer({ minimum: 0, default: 0 }), limit: t.Integer({ maximum: 100, default: 10 }) }) },
  ({ query }) => ({ skip: query.skip, limit: query.limit }),
)
const db = dependency(async function* () {
  yield { query: async (sql: string) => [sql] }
})
const token = dependency({ headers: t.Object({ authorization: t.String() }) }, ({ headers }) => headers.authorization)
const currentUser = dependency({ deps: { db, token } }, async ({ deps }) => ({ id: 1, token: deps.token }))
const requestId = dependency(
  { headers: t.Object({ 'x-request-id': t.String({ default: '-' }) }) },
  ({ headers }) => headers['x-request-id'],
)
const apiVersion = dependency({ query: t.Object({ v: t.Integer({ default: 1 }) }) }, ({ query }) => query.v)
const nothing = () => undefined as never
`

function router(k) {
  const Model = `Model${k}`
  return `
const ${Model} = t.Object({
  id: t.Integer(),
  name${k}: t.String({ minLength: 1 }),
  price: t.Number(),
  tags: t.Array(t.String()),
  owner: t.Object({ id: t.Integer(), email: t.String() }),
  kind: t.Union([t.Literal('a${k}'), t.Literal('b${k}')]),
})
const ${Model}In = t.Object({ name${k}: t.String(), price: t.Number(), tags: t.Array(t.String(), { default: [] }) })
const ${Model}Patch = t.Object({ name${k}: t.Optional(t.String()), price: t.Optional(t.Number()) })
const Event${k} = t.Object({ at: t.String(), what${k}: t.String() })
const load${k} = dependency({ deps: { user: currentUser, db }, params: t.Object({ id: t.Integer() }) }, ({ params }) => params.id)
const router${k} = router(
  { prefix: '/r${k}', tags: ['r${k}'], deps: { requestId } },
  get('/', { deps: { page: pagination, db }, query: t.Object({ q: t.Optional(t.String()), sort: t.String({ default: 'id' }) }), response: t.Array(${Model}) }, nothing),
  get('/{id}', { deps: { item: load${k} }, response: { 200: ${Model}, 404: NotFound } }, nothing),
  post('/', { body: ${Model}In, status: 201 as const, response: { 201: ${Model}, 409: Conflict }, deps: { user: currentUser } }, nothing),
  put('/{id}', { params: t.Object({ id: t.Integer() }), body: ${Model}In, deps: { user: currentUser }, response: { 200: ${Model}, 404: NotFound, 409: Conflict } }, nothing),
  patch('/{id}', { params: t.Object({ id: t.Integer() }), body: ${Model}Patch, deps: { user: currentUser }, response: { 200: ${Model}, 404: NotFound } }, nothing),
  del('/{id}', { deps: { item: load${k} }, status: 204 as const, response: t.Null() }, nothing),
  get('/{id}/history', { deps: { item: load${k}, page: pagination }, response: t.Array(Event${k}) }, nothing),
  post('/{id}/archive', { deps: { item: load${k} }, response: { 200: ${Model}, 404: NotFound } }, nothing),
  get('/search', { query: t.Object({ term: t.String(), limit: t.Integer({ default: 20 }) }), response: t.Array(${Model}) }, nothing),
  get('/count', { response: t.Object({ count: t.Integer() }) }, nothing),
)
`
}

const routerCount = (routes) => Math.ceil(routes / routesPerRouter)

/** The app module: routers of ten routes, included ten at a time as a real app's index does. */
export function appSource(routes) {
  const count = routerCount(routes)
  const parts = [header]
  for (let k = 0; k < count; k++) parts.push(router(k))
  const names = Array.from({ length: count }, (_, k) => `router${k}`)
  let app = 'export const app = createApp({ deps: { version: apiVersion } })'
  for (let i = 0; i < names.length; i += 10) app += `\n  .include(${names.slice(i, i + 10).join(', ')})`
  parts.push(app, '')
  return parts.join('\n')
}

/** A module that calls every route once and narrows each result by status. */
export function clientSource(routes, typedBy = 'interface') {
  const byInterface = typedBy === 'interface'
  const lines = [
    `import { createClient${byInterface ? ', type EndpointsOf' : ''} } from '@typefast/client'`,
    `import type { app } from './app.js'`,
    '',
    ...(byInterface ? ['export interface Api extends EndpointsOf<typeof app> {}'] : []),
    `const client = createClient<${byInterface ? 'Api' : 'typeof app'}>('http://localhost:8000')`,
    `const headers = { authorization: 'Bearer t' }`,
  ]
  // One function per router, as a real code base calls them: one function of 2,000 calls is over
  // what TypeScript analyses for control flow (TS2563).
  for (let k = 0; k < routerCount(routes); k++) {
    lines.push(
      '',
      `export async function useRouter${k}(): Promise<unknown[]> {`,
      '  const out: unknown[] = []',
      `    const list = await client.get('/r${k}', { query: { limit: 5, q: 'x' } })`,
      `    if (list.status === 200) out.push(list.data[0]?.name${k})`,
      `    const one = await client.get('/r${k}/{id}', { params: { id: 1 }, headers })`,
      `    if (one.status === 200) out.push(one.data.owner.email)`,
      `    else if (one.status === 404) out.push(one.data.detail)`,
      `    else if (one.status === 422) out.push(one.data.detail[0]?.loc)`,
      `    const created = await client.post('/r${k}', { body: { name${k}: 'n', price: 1 }, headers })`,
      `    if (created.status === 201) out.push(created.data.kind)`,
      `    const replaced = await client.put('/r${k}/{id}', { params: { id: 1 }, body: { name${k}: 'n', price: 2 }, headers })`,
      `    if (replaced.status === 409) out.push(replaced.data.existing)`,
      `    const patched = await client.patch('/r${k}/{id}', { params: { id: 1 }, body: { price: 3 }, headers })`,
      `    if (patched.status === 200) out.push(patched.data.price)`,
      `    const deleted = await client.delete('/r${k}/{id}', { params: { id: 1 }, headers: { ...headers, 'x-request-id': 'r' } })`,
      `    out.push(deleted.status)`,
      `    const history = await client.get('/r${k}/{id}/history', { params: { id: 1 }, query: { skip: 10 }, headers })`,
      `    if (history.status === 200) out.push(history.data[0]?.what${k})`,
      `    const archived = await client.post('/r${k}/{id}/archive', { params: { id: 1 }, headers })`,
      `    if (archived.status === 404) out.push(archived.data.detail)`,
      `    const found = await client.get('/r${k}/search', { query: { term: 'x', v: 2 } })`,
      `    if (found.status === 200) out.push(found.data.length)`,
      `    const counted = await client.get('/r${k}/count')`,
      `    if (counted.status === 200) out.push(counted.data.count)`,
      '  return out',
      '}',
    )
  }
  lines.push('')
  return lines.join('\n')
}
