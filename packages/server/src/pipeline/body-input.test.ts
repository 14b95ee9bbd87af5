import { post } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// JSON bodies as FastAPI 0.142.2 reads them: each expected body is FastAPI's answer to the twin
// app (`item: Item`, `item: Item, user: User`, `item: Item = Body(embed=True)`,
// `item: Item | None = None`), byte for byte.

const Item = t.Object({ name: t.String(), price: t.Number() }, { $id: 'Item' })
const User = t.Object({ username: t.String() }, { $id: 'User' })
const app = createApp().add(
  post('/items', { body: Item }, ({ body }) => body),
  post('/pair', { body: t.Object({ item: Item, user: User }) }, ({ body }) => body),
  post('/embedded', { body: t.Object({ item: Item }) }, ({ body }) => body.item),
  post('/maybe', { body: t.Union([Item, t.Null()]) }, ({ body }) => ({ item: body })),
)

const json = { 'content-type': 'application/json' }
const send = (url: string, body: string | Buffer, headers: Record<string, string> = json) =>
  app.inject({ method: 'POST', url, headers, body })
const missingBody = '{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}'
const missing = (...names: string[]) =>
  `{"detail":[${names.map((name) => `{"type":"missing","loc":["body","${name}"],"msg":"Field required","input":null}`).join(',')}]}`

describe('one body parameter (a named schema)', () => {
  test('no body, an empty body with a JSON content type, and `null` are a missing body', async () => {
    for (const [body, headers] of [
      ['', {}],
      ['', json],
      ['null', json],
    ] as const) {
      const response = await send('/items', body, headers)
      expect(response.status).toBe(422)
      expect(response.body).toBe(missingBody)
    }
  })

  test('a body without a content type is validated as its text, not parsed as JSON', async () => {
    const response = await send('/items', '{"name":"n","price":1}', {})
    expect(response.status).toBe(422)
    expect(response.body).toBe(
      '{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\\"name\\":\\"n\\",\\"price\\":1}"}]}',
    )
  })

  test('a body in a content type the route does not read answers 415 (FastAPI: 422 model_attributes_type)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await send('/items', '{"name":"n","price":1}', { 'content-type': type })
      expect(response.status, type).toBe(415)
      expect(response.body).toBe('{"detail":"Unsupported Media Type"}')
    }
  })

  test('JSON media types with parameters or a +json suffix are read', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/vnd.api+json']) {
      const response = await send('/items', '{"name":"n","price":1}', { 'content-type': type })
      expect(response.status, type).toBe(200)
    }
  })

  test('invalid UTF-8 answers 400 "There was an error parsing the body"', async () => {
    const response = await send('/items', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))
    expect(response.status).toBe(400)
    expect(response.body).toBe('{"detail":"There was an error parsing the body"}')
  })

  test('an array where the model is expected', async () => {
    const response = await send('/items', '[]')
    expect(response.body).toBe(
      '{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[]}]}',
    )
  })

  test('a body schema that takes null is optional: no body and `null` are null', async () => {
    for (const [body, headers] of [
      ['', {}],
      ['null', json],
    ] as const) {
      const response = await send('/maybe', body, headers)
      expect(response.status).toBe(200)
      expect(response.body).toBe('{"item":null}')
    }
  })
})

describe('several body parameters (an object body without $id)', () => {
  test('`{}`, no body, `null` and a body without a content type: each parameter missing, input null', async () => {
    for (const [body, headers] of [
      ['{}', json],
      ['', {}],
      ['null', json],
      ['{"item":{"name":"n","price":1},"user":{"username":"u"}}', {}],
    ] as const) {
      const response = await send('/pair', body, headers)
      expect(response.status).toBe(422)
      expect(response.body).toBe(missing('item', 'user'))
    }
  })

  test("a parameter's own missing fields report the parameter as input", async () => {
    const response = await send('/pair', '{"item":{"name":"n"}}')
    expect(response.body).toBe(
      '{"detail":[{"type":"missing","loc":["body","item","price"],"msg":"Field required","input":{"name":"n"}},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}',
    )
  })

  test('a parameter given as null counts as missing; a body that is not an object misses every parameter', async () => {
    expect((await send('/pair', '{"item":null,"user":{"username":"u"}}')).body).toBe(missing('item'))
    expect((await send('/pair', '[1]')).body).toBe(missing('item', 'user'))
  })

  test('an embedded parameter sent unembedded is missing', async () => {
    for (const body of ['{}', '', 'null', '{"name":"n","price":1}']) {
      const response = await send('/embedded', body, body === '' ? {} : json)
      expect(response.status).toBe(422)
      expect(response.body).toBe(missing('item'))
    }
    const ok = await send('/embedded', '{"item":{"name":"n","price":1}}')
    expect(ok.json()).toEqual({ name: 'n', price: 1 })
  })
})
