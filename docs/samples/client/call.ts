import { createClient } from '@typefast/client'
import type { app } from './app.js' // a type-only import: no server code in the client

export async function describeItem(baseUrl: string, itemId: number): Promise<string> {
  await using client = createClient<typeof app>(baseUrl)

  const r = await client.get('/items/{item_id}', { params: { item_id: itemId } })
  switch (r.status) {
    case 200:
      return `${r.data.name} costs ${r.data.price}` // r.data: { id, name, price }
    case 404:
      return r.data.message // r.data: { message }
    case 422:
      return `Invalid: ${r.data.detail.map((error) => error.msg).join(', ')}`
    default:
      return `Unexpected ${r.status}: ${JSON.stringify(r.data)}` // r.data: unknown
  }
}
