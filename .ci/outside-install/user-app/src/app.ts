// A user's app, compiled by the registry's tsc against the installed tarballs.
import { createApp, dependency, get, HTTPException, post, router, t } from 'typefast'

const Item = t.Object({ name: t.String({ minLength: 1 }), price: t.Number({ exclusiveMinimum: 0 }) }, { $id: 'Item' })

const currentUser = dependency({ headers: t.Object({ 'x-user': t.String() }) }, ({ headers }) => {
  if (headers['x-user'] === 'nobody') throw new HTTPException(403, 'Not allowed')
  return { name: headers['x-user'] }
})

const items = router(
  { prefix: '/items', tags: ['items'] },
  get(
    '/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), query: t.Object({ q: t.Optional(t.String()) }) },
    ({ params, query }) => ({ item_id: params.item_id, q: query.q }),
  ),
  post('/', { body: Item, status: 201, response: Item }, ({ body }) => body),
)

export const app = createApp({ title: 'Outside', version: '1.0.0', accessLog: false })
  .include(items)
  .get('/', () => ({ message: 'Hello World' }))
  .get('/me', { deps: { user: currentUser } }, ({ deps }) => deps.user)
