import { createApp, t } from 'typefast'
import { Item } from './create-item.js'

export const app = createApp().put(
  '/items/{item_id}',
  {
    params: t.Object({ item_id: t.Integer() }),
    query: t.Object({ q: t.Optional(t.Union([t.String(), t.Null()])) }),
    body: Item,
  },
  function updateItem({ params, query, body }) {
    return { item_id: params.item_id, ...body, ...(query.q == null ? {} : { q: query.q }) }
  },
)
