import { createApp, t } from 'typefast'

export const app = createApp().get(
  '/items/{item_id}',
  {
    params: t.Object({ item_id: t.String() }),
    query: t.Object({
      q: t.Optional(t.Union([t.String(), t.Null()])),
      short: t.Boolean({ default: false }),
    }),
  },
  function readItem({ params, query }) {
    const item: { item_id: string; q?: string; description?: string } = { item_id: params.item_id }
    if (query.q) item.q = query.q // FastAPI's `if q:`: an empty q is left out too
    if (!query.short) item.description = 'This is an amazing item that has a long description'
    return item
  },
)
