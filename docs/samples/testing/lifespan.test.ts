import { testClient } from '@typefast/client'
import { expect, test } from 'vitest'
import { app, events } from './app.js'

test('the lifespan runs around the client', async () => {
  events.length = 0
  {
    await using client = testClient(app)
    expect(events).toEqual([]) // nothing runs before the first request

    const missing = await client.get('/items/{item_id}', { params: { item_id: 1 } })
    expect(missing.status).toBe(404)
    expect(events).toEqual(['startup'])
  } // `await using` closes the client: the shutdown side of the lifespan runs
  expect(events).toEqual(['startup', 'shutdown'])
})
