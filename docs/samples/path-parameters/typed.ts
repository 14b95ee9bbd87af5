import { createApp, t } from 'typefast'

export const app = createApp().get(
  '/items/{item_id}',
  { params: t.Object({ item_id: t.Integer() }) },
  function readItem({ params }) {
    // params.item_id is a number: '3' was parsed and checked before this runs.
    return { item_id: params.item_id, next: params.item_id + 1 }
  },
)
