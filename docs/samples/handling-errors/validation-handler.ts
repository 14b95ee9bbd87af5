import { createApp, RequestValidationError, t, text } from 'typefast'

export const app = createApp()
  // Answer invalid input as plain text with 400 instead of the default 422 JSON.
  .exceptionHandler(RequestValidationError, (error) =>
    text(error.errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('\n'), { status: 400 }),
  )
  .get('/items/{item_id}', { params: t.Object({ item_id: t.Integer() }) }, function readItem({ params }) {
    return { item_id: params.item_id }
  })
