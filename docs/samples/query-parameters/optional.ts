import { createApp, t } from 'typefast'

export const app = createApp().get(
  '/items/{item_id}',
  {
    params: t.Object({ item_id: t.String() }),
    query: t.Object({
      q: t.Optional(t.String()),
      short: t.Boolean({ default: false }),
    }),
  },
  function readItem({ params, query }) {
    const item: { item_id: string; q?: string; description?: string } = { item_id: params.item_id }
    if (query.q !== undefined) item.q = query.q
    if (!query.short) item.description = 'This is an amazing item that has a long description'
    return item
  },
)
