import { createApp, t } from 'typefast'

export const app = createApp().get(
  '/items/{item_id}',
  {
    query: t.Object({
      needy: t.String(), // no default and not Optional: required
      limit: t.Optional(t.Union([t.Integer({ minimum: 1, maximum: 100 }), t.Null()])),
      tag: t.Array(t.String(), { default: [] }), // ?tag=a&tag=b
    }),
  },
  function readUserItem({ params, query }) {
    return { item_id: params.item_id, needy: query.needy, limit: query.limit ?? null, tags: query.tag }
  },
)
