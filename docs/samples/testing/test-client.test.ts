import { testClient } from '@typefast/client'
import { expect, test } from 'vitest'
import { app } from './app.js'

test('create and read an item with the test client', async () => {
  await using client = testClient(app)

  const created = await client.post('/items', {
    body: { name: 'Plumbus' },
    headers: { 'x-token': 'coneofsilence' },
  })
  expect(created.status).toBe(201)
  if (created.status !== 201) return // narrows `created.data` to the Item schema's type
  expect(created.data.name).toBe('Plumbus')

  const read = await client.get('/items/{item_id}', { params: { item_id: created.data.id } })
  expect(read).toMatchObject({ status: 200, data: { id: created.data.id, name: 'Plumbus' } })

  const wrongToken = await client.post('/items', { body: { name: 'Foo' }, headers: { 'x-token': 'nope' } })
  expect(wrongToken.status).toBe(401)
  expect(wrongToken.data).toEqual({ detail: 'Invalid X-Token header' })

  const invalid = await client.post('/items', { body: { name: '' }, headers: { 'x-token': 'coneofsilence' } })
  expect(invalid.status).toBe(422)
  if (invalid.status === 422) expect(invalid.data.detail[0]?.loc).toEqual(['body', 'name'])
})
