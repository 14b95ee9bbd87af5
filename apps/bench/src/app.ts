// The benchmark app: the endpoints of bench/endpoints.mjs, written as a typefast user would.
import { createApp, dependency, get, post, t } from 'typefast'
import { makeList } from '../../../bench/endpoints.mjs'

const Item = t.Object({
  name: t.String({ minLength: 1, maxLength: 100 }),
  price: t.Number({ exclusiveMinimum: 0 }),
  tags: t.Array(t.String(), { default: [] }),
})
const CreatedItem = t.Object({ id: t.Integer(), name: t.String(), price: t.Number(), tags: t.Array(t.String()) })
const ListItem = t.Object({ id: t.Integer(), name: t.String(), price: t.Number(), tags: t.Array(t.String()) })
const User = t.Object({ id: t.Integer(), name: t.String(), admin: t.Boolean() })
const Context = t.Object({ userId: t.Integer(), locale: t.String(), scopes: t.Array(t.String()) })

// Three chained dependencies: token -> user -> context.
const token = dependency(
  { headers: t.Object({ 'x-token': t.String({ default: 'anon' }) }) },
  ({ headers }) => headers['x-token'],
)
const user = dependency({ deps: { token } }, ({ deps }) => ({
  id: deps.token.length,
  name: deps.token,
  admin: deps.token === 'root',
}))
const context = dependency({ deps: { user } }, ({ deps }) => ({
  userId: deps.user.id,
  locale: 'en',
  scopes: deps.user.admin ? ['all'] : ['read'],
}))

const list = makeList()

// No access log, as the peers run without one (Fastify with `logger: false`).
export const app = createApp({ title: 'typefast bench', openapiUrl: false, accessLog: false }).add(
  get('/hello', { response: t.Object({ message: t.String() }) }, () => ({ message: 'Hello World' })),
  get(
    '/items/{id}',
    {
      params: t.Object({ id: t.Integer() }),
      query: t.Object({ q: t.Optional(t.String()) }),
      response: t.Object({ item_id: t.Integer(), q: t.Optional(t.String()) }),
    },
    ({ params, query }) => ({ item_id: params.id, q: query.q }),
  ),
  post('/items', { body: Item, status: 201, response: CreatedItem }, ({ body }) => ({ id: 1, ...body })),
  get('/deps', { deps: { user, ctx: context }, response: t.Object({ user: User, ctx: Context }) }, ({ deps }) => ({
    user: deps.user,
    ctx: deps.ctx,
  })),
  get('/list', { response: t.Array(ListItem) }, () => list),
)
