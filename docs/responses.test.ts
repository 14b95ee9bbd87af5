// Runs every sample of responses.md and checks what the page says of it.
import { request } from 'undici'
import { describe, expect, test } from 'vitest'

describe('responses', () => {
  test('stream.ts: the countdown arrives chunk by chunk', async () => {
    const { app } = await import('./samples/responses/stream.js')
    const { url } = await app.listen({ port: 0 })
    try {
      const response = await request(`${url}/countdown`)
      expect(response.headers['transfer-encoding']).toBe('chunked')
      expect(await response.body.text()).toBe('3...\n2...\n1...\nliftoff!\n')
    } finally {
      await app.close()
    }
  })

  test('file.ts: content type, 304, range, download name', async () => {
    const { app } = await import('./samples/responses/file.js')
    const first = await app.inject({ url: '/report' })
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(first.body).toBe('id,name,price\n1,Widget,9.99\n2,Gadget,24.50\n')
    const cached = await app.inject({ url: '/report', headers: { 'if-none-match': String(first.headers.etag) } })
    expect(cached.status).toBe(304)
    const part = await app.inject({ url: '/report', headers: { range: 'bytes=0-12' } })
    expect(part.status).toBe(206)
    expect(part.body).toBe('id,name,price')
    const download = await app.inject({ url: '/report/download?name=prices.csv' })
    expect(download.headers['content-disposition']).toBe('attachment; filename="prices.csv"')
  })

  test('sse.ts: events with retry, comment, event, id and JSON data', async () => {
    const { app } = await import('./samples/responses/sse.js')
    const response = await app.inject({ url: '/prices' })
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(
      ': stream opened\nretry: 5000\n\n' +
        'event: price\ndata: {"symbol":"TF","price":101}\nid: 1\n\n' +
        'event: price\ndata: {"symbol":"TF","price":102}\nid: 2\n\n' +
        'event: price\ndata: {"symbol":"TF","price":103}\nid: 3\n\n',
    )
  })

  test('json-lines.ts: one validated, serialized line per item', async () => {
    const { app } = await import('./samples/responses/json-lines.js')
    const response = await app.inject({ url: '/rows' })
    expect(response.headers['content-type']).toBe('application/jsonl')
    expect(response.body).toBe('{"id":1,"name":"Widget"}\n{"id":2,"name":"Gadget"}\n')
  })
})
