import { override, testClient } from '@typefast/client'
import { dependency } from 'typefast'
import { expect, test } from 'vitest'
import { app, ItemStore, store } from './app.js'

test('read from a store the test filled', async () => {
  const fake = new ItemStore()
  fake.add('Portal gun')

  // The replacement must resolve to the same type as the original: an ItemStore.
  await using client = testClient(app, {
    overrides: [
      override(
        store,
        dependency(() => fake),
      ),
    ],
  })

  const read = await client.get('/items/{item_id}', { params: { item_id: 1 } })
  expect(read).toMatchObject({ status: 200, data: { id: 1, name: 'Portal gun' } })
}) // the override is removed here, with the lifespan's shutdown
