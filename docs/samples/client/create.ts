import { createClient } from '@typefast/client'
import type { app } from './app.js'

export async function addItem(baseUrl: string, name: string, price: number) {
  await using client = createClient<typeof app>(baseUrl, {
    headers: { 'user-agent': 'shop-admin/1.0' }, // sent with every request
  })

  const r = await client.post('/items', {
    body: { name, price },
    headers: { 'x-api-key': 'secret' }, // required: the apiKey dependency declares it
  })
  if (r.status === 201) return r.data // { id, name, price }
  throw new Error(`Could not add ${name}: ${r.status} ${JSON.stringify(r.data)}`)
}
