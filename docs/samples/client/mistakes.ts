import type { Client, EndpointsOf } from '@typefast/client'
import type { app } from './app.js'

// Each line below is a compile error: `tsc` fails without its @ts-expect-error comment.
export function mistakes(client: Client<EndpointsOf<typeof app>>) {
  // @ts-expect-error item_id is an integer, not a string
  client.get('/items/{item_id}', { params: { item_id: 'one' } })
  // @ts-expect-error the path parameter is missing
  client.get('/items/{item_id}')
  // @ts-expect-error the x-api-key header that the apiKey dependency declares is missing
  client.post('/items', { body: { name: 'Nail', price: 0.1 } })
  // @ts-expect-error there is no DELETE /items/{item_id}
  client.delete('/items/{item_id}', { params: { item_id: 1 } })
}
