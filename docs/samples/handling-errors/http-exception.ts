import { createApp, HTTPException, t } from 'typefast'

const items = new Map([['foo', 'The Foo Wrestlers']])

export const app = createApp().get(
  '/items/{item_id}',
  { response: t.Object({ item: t.String() }, { $id: 'ItemOut' }) },
  function readItem({ params }) {
    const item = items.get(params.item_id)
    if (item === undefined) throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' })
    return { item }
  },
)
