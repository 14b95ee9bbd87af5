import { createApp, sse, t } from 'typefast'

// One app for every runtime: nothing in it knows where it runs.
export const app = createApp({ title: 'Everywhere' })
  .get('/items/{id}', { params: t.Object({ id: t.Integer() }) }, ({ params }) => ({ id: params.id }))
  .post('/items', { body: t.Object({ name: t.String() }), status: 201 }, ({ body }) => body)
  .get('/clock', () =>
    sse(
      (async function* ticks() {
        for (let n = 1; n <= 3; n++) yield { event: 'tick', data: { n } }
      })(),
    ),
  )
