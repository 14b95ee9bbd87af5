// Generates a typefast app of N routes (five per resource: list, read, create, replace, delete),
// with dependencies and sub-dependencies carrying query and header inputs, response maps and a
// model per resource, and a file that calls every route through the typed client.

const header = `import { dependency } from '@typefast/dependency-resolution'
import { del, get, post, put, router } from '@typefast/router'
import { createApp } from '@typefast/server'
import { t } from '@typefast/validation'

const NotFound = t.Object({ detail: t.String() })
const Conflict = t.Object({ detail: t.String(), existing: t.Integer() })
const pagination = dependency(
  { query: t.Object({ skip: t.Optional(t.Integer({ minimum: 0 })), limit: t.Optional(t.Integer({ maximum: 100 })) }) },
  ({ query }) => ({ skip: query.skip ?? 0, limit: query.limit ?? 10 }),
)
const db = dependency(async function* () {
  yield { query: async (sql: string) => [sql] }
})
const token = dependency({ headers: t.Object({ authorization: t.String() }) }, ({ headers }) => headers.authorization)
const currentUser = dependency({ deps: { db, token } }, async ({ deps }) => ({ id: 1, token: deps.token }))
const nothing = () => undefined as never
`

function resource(k) {
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
const ${Model}In = t.Object({ name${k}: t.String(), price: t.Number(), tags: t.Optional(t.Array(t.String())) })
const load${k} = dependency({ deps: { user: currentUser, db }, params: t.Object({ id: t.Integer() }) }, ({ params }) => params.id)
const resource${k} = router(
  { prefix: '/r${k}' },
  get('/', { deps: { page: pagination, db }, query: t.Object({ q: t.Optional(t.String()) }), response: t.Array(${Model}) }, nothing),
  get('/{id}', { deps: { item: load${k} }, response: { 200: ${Model}, 404: NotFound } }, nothing),
  post('/', { body: ${Model}In, status: 201 as const, response: { 201: ${Model}, 409: Conflict }, deps: { user: currentUser } }, nothing),
  put('/{id}', { params: t.Object({ id: t.Integer() }), body: ${Model}In, deps: { user: currentUser }, response: { 200: ${Model}, 404: NotFound, 409: Conflict } }, nothing),
  del('/{id}', { deps: { item: load${k} }, status: 204 as const, response: t.Null() }, nothing),
)
`
}

/** The app module: `resources` routers of five routes each. */
export function appSource(routes) {
  const resources = Math.ceil(routes / 5)
  const parts = [header]
  for (let k = 0; k < resources; k++) parts.push(resource(k))
  const names = Array.from({ length: resources }, (_, k) => `resource${k}`)
  // include() in chunks keeps each call's argument list short, as real apps do.
  let app = 'export const app = createApp()'
  for (let i = 0; i < names.length; i += 10) app += `\n  .include(${names.slice(i, i + 10).join(', ')})`
  parts.push(app, '')
  return parts.join('\n')
}

/** A module that calls every route once and narrows each result by status. */
export function clientSource(routes) {
  const resources = Math.ceil(routes / 5)
  const lines = [
    `import { createClient } from '@typefast/client'`,
    `import type { app } from './app.js'`,
    '',
    `const client = createClient<typeof app>('http://localhost:8000')`,
    `const headers = { authorization: 'Bearer t' }`,
    '',
    'export async function useAll(): Promise<unknown[]> {',
    '  const out: unknown[] = []',
  ]
  for (let k = 0; k < resources; k++) {
    lines.push(
      `  {`,
      `    const list = await client.get('/r${k}', { query: { skip: 0, q: 'x' } })`,
      `    if (list.status === 200) out.push(list.data[0]?.name${k})`,
      `    const one = await client.get('/r${k}/{id}', { params: { id: 1 }, headers })`,
      `    if (one.status === 200) out.push(one.data.owner.email)`,
      `    else if (one.status === 404) out.push(one.data.detail)`,
      `    else if (one.status === 422) out.push(one.data.detail[0]?.loc)`,
      `    const created = await client.post('/r${k}', { body: { name${k}: 'n', price: 1 }, headers })`,
      `    if (created.status === 201) out.push(created.data.kind)`,
      `    const replaced = await client.put('/r${k}/{id}', { params: { id: 1 }, body: { name${k}: 'n', price: 2 }, headers })`,
      `    if (replaced.status === 409) out.push(replaced.data.existing)`,
      `    const deleted = await client.delete('/r${k}/{id}', { params: { id: 1 }, headers })`,
      `    out.push(deleted.status)`,
      `  }`,
    )
  }
  lines.push('  return out', '}', '')
  return lines.join('\n')
}
