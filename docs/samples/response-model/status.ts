import { createApp, t } from 'typefast'

const ItemOut = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'ItemOut' })
const Message = t.Object({ message: t.String() }, { $id: 'Message' })

const items = new Map<number, string>([[1, 'Foo']])

export const app = createApp()
  .get(
    '/items/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), response: { 200: ItemOut, 404: Message } },
    function readItem({ params, response }) {
      const name = items.get(params.item_id)
      if (name === undefined) {
        response.status = 404
        return { message: 'Item not found' }
      }
      return { id: params.item_id, name }
    },
  )
  .delete(
    '/items/{item_id}',
    { params: t.Object({ item_id: t.Integer() }), status: 204 },
    function deleteItem({ params }) {
      items.delete(params.item_id)
    },
  )
