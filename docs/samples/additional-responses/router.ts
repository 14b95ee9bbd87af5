import { createApp, get, put, router, t } from 'typefast'

const items = router(
  // Every route below documents these as well as its own.
  { prefix: '/items', tags: ['items'], responses: { 404: { description: 'Not found' } } },
  get('/{item_id}', function readItem({ params }) {
    return { name: 'Fake Specific Item', item_id: params.item_id }
  }),
  put(
    '/{item_id}',
    {
      body: t.Object({ name: t.String() }, { $id: 'ItemName' }),
      status: 201,
      responses: { 201: { description: 'Item replaced' }, 403: { description: 'Operation forbidden' } },
    },
    function updateItem({ params, body }) {
      return { item_id: params.item_id, name: body.name }
    },
  ),
)

export const app = createApp().include(items)
