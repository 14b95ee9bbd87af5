import assert from 'node:assert/strict'
import { test } from 'node:test'
import { dependency, override, testClient } from 'typefast'
import { app, ItemStore, itemStore } from '../src/app.js'

test('reads an item', async () => {
  const client = testClient(app)
  try {
    const r = await client.get('/items/{item_id}', { params: { item_id: 1 } })
    assert.equal(r.status, 200)
    if (r.status === 200) assert.equal(r.data.name, 'Hammer')
  } finally {
    await client.close()
  }
})

test('answers 422 with the error details for a bad path parameter', async () => {
  const client = testClient(app)
  try {
    const r = await client.get('/items/{item_id}', { params: { item_id: 'abc' as never } })
    assert.equal(r.status, 422)
  } finally {
    await client.close()
  }
})

test('adds an item to a store the test provides', async () => {
  const fresh = new ItemStore()
  const freshStore = dependency(() => fresh)
  const client = testClient(app, { overrides: [override(itemStore, freshStore)] })
  try {
    const r = await client.post('/items', { body: { name: 'Saw', price: 12 } })
    assert.equal(r.status, 201)
    assert.deepEqual(fresh.get(2), { name: 'Saw', price: 12 })
  } finally {
    await client.close()
  }
})
