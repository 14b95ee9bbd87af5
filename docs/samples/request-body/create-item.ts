import { createApp, type Static, t } from 'typefast'

export const Item = t.Object(
  {
    name: t.String(),
    // FastAPI's `description: str | None = None`: it may be left out or null.
    description: t.Optional(t.Union([t.String(), t.Null()])),
    price: t.Number(),
    tax: t.Optional(t.Union([t.Number(), t.Null()])),
  },
  { $id: 'Item' },
)

export type Item = Static<typeof Item>

export const app = createApp().post('/items/', { body: Item }, function createItem({ body }) {
  // body is { name: string; description?: string | null; price: number; tax?: number | null }
  const priceWithTax = body.tax == null ? body.price : body.price + body.tax
  return { ...body, price_with_tax: priceWithTax }
})
