import { createClient } from '@typefast/client'
import type { paths } from './pets-api.js' // written by openapi-typescript

export async function petName(baseUrl: string, petId: number): Promise<string> {
  await using pets = createClient<paths>(baseUrl)

  const r = await pets.get('/pets/{petId}', { params: { petId } })
  if (r.status === 200) return r.data.name // components['schemas']['Pet']
  return `error ${r.data.code}: ${r.data.message}` // `default`: components['schemas']['Error']
}

export async function addPet(baseUrl: string, name: string) {
  await using pets = createClient<paths>(baseUrl)

  const r = await pets.post('/pets', { body: { name }, headers: { 'x-api-key': 'secret' } })
  if (r.status === 201) return r.data.id
  if (r.status === 400 || r.status === 409) throw new Error(r.data.message) // in the `4XX` range: Error
  throw new Error(`status ${r.status}`) // not in the document: r.data is unknown
}
