import { createClient, type EndpointsOf } from '@typefast/client'
import type { app } from './app.js'

// The app's endpoints, computed once: the same paths, inputs and results as `typeof app`.
export interface Api extends EndpointsOf<typeof app> {}

export async function itemName(baseUrl: string, itemId: number): Promise<string | undefined> {
  await using client = createClient<Api>(baseUrl)
  const r = await client.get('/items/{item_id}', { params: { item_id: itemId } })
  return r.status === 200 ? r.data.name : undefined
}
