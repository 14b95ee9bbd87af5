import { expect, test } from 'vitest'
import { app } from './app.js'

test('create an item with app.inject', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'x-token': 'coneofsilence' },
    json: { name: 'Plumbus' },
  })
  expect(response.status).toBe(201)
  expect(response.headers['content-type']).toBe('application/json')
  expect(response.json()).toEqual({ id: 1, name: 'Plumbus' })

  const missing = await app.inject({ url: '/items/42' })
  expect(missing.status).toBe(404)
  expect(missing.json()).toEqual({ detail: 'Item not found' })

  await app.close() // runs the shutdown side of the lifespan
})
