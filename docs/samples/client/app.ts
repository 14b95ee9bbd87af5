import { setTimeout as sleep } from 'node:timers/promises'
import { createApp, dependency, HTTPException, t } from 'typefast'

const Item = t.Object({ id: t.Integer(), name: t.String(), price: t.Number() }, { $id: 'Item' })
const NewItem = t.Object(
  { name: t.String({ minLength: 1 }), price: t.Number({ exclusiveMinimum: 0 }) },
  { $id: 'NewItem' },
)
const NotFound = t.Object({ message: t.String() }, { $id: 'NotFound' })

const items = new Map([[1, { id: 1, name: 'Hammer', price: 9.5 }]])

const apiKey = dependency({ headers: t.Object({ 'x-api-key': t.String() }) }, ({ headers }) => {
  if (headers['x-api-key'] !== 'secret') throw new HTTPException(401, 'Invalid API key')
})

export const app = createApp({ title: 'Shop' })
  .get(
    '/items/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), response: { 200: Item, 404: NotFound } },
    function readItem({ params, response }) {
      const item = items.get(params.item_id)
      if (!item) {
        response.status = 404
        return { message: `No item ${params.item_id}` }
      }
      return item
    },
  )
  .post(
    '/items',
    { body: NewItem, deps: { apiKey }, status: 201 as const, response: Item },
    function createItem({ body }) {
      const item = { id: items.size + 1, ...body }
      items.set(item.id, item)
      return item
    },
  )
  .get(
    '/report',
    { query: t.Object({ delay_ms: t.Integer({ minimum: 0, default: 0 }) }) },
    async function report({ query }) {
      await sleep(query.delay_ms) // a slow endpoint
      return { total: items.size }
    },
  )
