import { createApp, t } from 'typefast'

// The app of build.md: `typefast build docs/samples/build/app.ts --out build` compiles it ahead of time.
const Item = t.Object(
  {
    name: t.String({ minLength: 1 }),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
  },
  { $id: 'Item' },
)

export const app = createApp({ title: 'Shop', accessLog: false }).post(
  '/items/{item_id}',
  { params: t.Object({ item_id: t.Integer() }), body: Item, response: Item },
  ({ body }) => body,
)
