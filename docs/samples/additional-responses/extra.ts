import { createApp, HTTPException, json, t } from 'typefast'

const Item = t.Object({ id: t.String(), value: t.String() }, { $id: 'Item' })
const Message = t.Object({ message: t.String() }, { $id: 'Message' })

const items = new Map([['foo', 'there goes my hero']])

export const app = createApp().get(
  '/items/{item_id}',
  {
    response: Item,
    responses: {
      200: { description: 'The item, found by its id' },
      404: { description: 'The item was not found', schema: Message },
      403: {},
    },
  },
  function readItem({ params }) {
    if (params.item_id === 'secret') throw new HTTPException(403, 'Not yours')
    const value = items.get(params.item_id)
    // As FastAPI's JSONResponse: sent as it is, so the handler picks the status and the body.
    if (value === undefined) return json({ message: 'Item not found' }, { status: 404 })
    return { id: params.item_id, value }
  },
)
