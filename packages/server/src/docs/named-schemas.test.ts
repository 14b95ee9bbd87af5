import { t } from '@typefast/validation'
import { expect, test } from 'vitest'
import { createApp } from '../app/app.js'

test('two apps in one process may give different schemas the same $id', async () => {
  const ItemA = t.Object({ a: t.String() }, { $id: 'Item' })
  const ItemB = t.Object({ b: t.Integer() }, { $id: 'Item' })
  const first = createApp().post('/', { body: ItemA, response: ItemA }, ({ body }) => body)
  const second = createApp().post('/', { body: ItemB, response: ItemB }, ({ body }) => body)
  expect((await first.inject({ method: 'POST', url: '/', json: { a: 'x' } })).json()).toEqual({ a: 'x' })
  expect((await second.inject({ method: 'POST', url: '/', json: { b: 1 } })).json()).toEqual({ b: 1 })
  expect((await second.inject({ method: 'POST', url: '/', json: { b: 'x' } })).status).toBe(422)
  expect(second.openapi().components?.schemas?.Item).toMatchObject({ properties: { b: { type: 'integer' } } })
})

test('within one app, two different schemas with the same $id are a start-up error', () => {
  const ItemA = t.Object({ a: t.String() }, { $id: 'Clash' })
  const ItemB = t.Object({ b: t.Integer() }, { $id: 'Clash' })
  const app = createApp()
    .post('/a', { body: ItemA }, () => null)
    .post('/b', { body: ItemB }, () => null)
  expect(() => app.openapi()).toThrow(/Clash/)
})
