import { createApp, type Static, t } from 'typefast'

export const Item = t.Object(
  {
    name: t.String(),
    description: t.Optional(t.String()),
    price: t.Number(),
    tax: t.Optional(t.Number()),
  },
  { $id: 'Item' },
)

export type Item = Static<typeof Item>

export const app = createApp().post('/items/', { body: Item }, function createItem({ body }) {
  // body is { name: string; description?: string; price: number; tax?: number }
  const priceWithTax = body.tax === undefined ? body.price : body.price + body.tax
  return { ...body, price_with_tax: priceWithTax }
})
