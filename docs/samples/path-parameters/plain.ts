import { createApp } from 'typefast'

export const app = createApp().get('/items/{item_id}', function readItem({ params }) {
  // No schema: every path parameter is a string.
  return { item_id: params.item_id }
})
