import { Readable } from 'node:stream'
import { t } from '@typefast/validation'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { closeAfterTest, quietLogger } from '../test-support.js'
import { sse } from './sse-response.js'
import { stream } from './stream-response.js'

async function start(app: App<any>): Promise<string> {
  closeAfterTest(app)
  return (await app.listen({ port: 0 })).url
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('stream()', () => {
  test('streams an async generator, chunked, with the content type given', async () => {
    const app = createApp({ logger: quietLogger() }).get('/count', () =>
      stream(
        (async function* () {
          for (let i = 0; i < 3; i++) yield `line ${i}\n`
        })(),
        { contentType: 'text/plain; charset=utf-8', headers: { 'x-kind': 'count' } },
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/count`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.headers['transfer-encoding']).toBe('chunked')
    expect(response.headers['x-kind']).toBe('count')
    expect(await response.body.text()).toBe('line 0\nline 1\nline 2\n')
  })

  test('streams a Node Readable; in-process inject collects it too', async () => {
    const app = createApp({ logger: quietLogger() }).get('/bytes', () =>
      stream(Readable.from([Buffer.from('ab'), Buffer.from('cd')])),
    )
    const injected = await app.inject({ url: '/bytes' })
    expect(injected.body).toBe('abcd')
    expect(injected.headers['content-type']).toBe('application/octet-stream')
    const url = await start(app)
    expect(await (await request(`${url}/bytes`)).body.text()).toBe('abcd')
  })

  test('backpressure: the source is read only as fast as the client takes it; a disconnect ends it', async () => {
    let produced = 0
    let finished = false
    const chunk = Buffer.alloc(64 * 1024, 120)
    const app = createApp({ logger: quietLogger() }).get('/endless', () =>
      stream(
        (async function* () {
          try {
            for (;;) {
              produced++
              yield chunk
            }
          } finally {
            finished = true
          }
        })(),
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/endless`)
    await tick(200)
    const whileStalled = produced
    await tick(200)
    // Stalled by the unread socket: a bounded number of chunks, and no more being produced.
    expect(whileStalled).toBeLessThan(1000)
    expect(produced).toBe(whileStalled)
    response.body.destroy()
    for (let i = 0; i < 50 && !finished; i++) await tick(20)
    expect(finished).toBe(true)
  })

  test('HEAD answers the headers without reading the source', async () => {
    let pulled = false
    const app = createApp({ logger: quietLogger() }).get('/s', () =>
      stream(
        (async function* () {
          pulled = true
          yield 'x'
        })(),
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/s`, { method: 'HEAD' })
    expect(response.statusCode).toBe(200)
    expect(await response.body.text()).toBe('')
    expect(pulled).toBe(false)
  })

  test('a source failing mid-stream cuts the connection and is logged', async () => {
    const logger = quietLogger()
    const app = createApp({ logger }).get('/broken', () =>
      stream(
        (async function* () {
          yield 'partial'
          throw new Error('disk on fire')
        })(),
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/broken`)
    await expect(response.body.text()).rejects.toThrow()
    expect(logger.errors).toHaveLength(1)
  })
})

describe('sse()', () => {
  test('encodes event, id, retry, multi-line and JSON data, comments; no-cache headers', async () => {
    const app = createApp({ logger: quietLogger() }).get('/events', () =>
      sse(
        (async function* () {
          yield { comment: 'hello' }
          yield { event: 'update', id: 1, retry: 3000, data: { n: 1 } }
          yield { data: 'two\nlines' }
          yield 'plain'
        })(),
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/events`)
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(await response.body.text()).toBe(
      ': hello\n\n' +
        'event: update\ndata: {"n":1}\nid: 1\nretry: 3000\n\n' +
        'data: two\ndata: lines\n\n' +
        'data: plain\n\n',
    )
  })

  test('newlines cannot forge fields through event or id', async () => {
    const app = createApp({ logger: quietLogger() }).get('/e', () =>
      sse(
        (async function* () {
          yield { event: 'a\ndata: forged', id: 'x\r\nretry: 1', data: 'ok' }
        })(),
      ),
    )
    expect((await app.inject({ url: '/e' })).body).toBe('event: adata: forged\ndata: ok\nid: xretry: 1\n\n')
  })

  test('sends `: ping` while the source is idle', async () => {
    const app = createApp({ logger: quietLogger() }).get('/idle', () =>
      sse(
        (async function* () {
          await tick(180)
          yield { data: 'done' }
        })(),
        { ping: 50 },
      ),
    )
    const url = await start(app)
    const text = await (await request(`${url}/idle`)).body.text()
    expect(text).toMatch(/^(: ping\n\n){2,}data: done\n\n$/)
  })

  test("the client's disconnect ends the iterator", async () => {
    let closed = false
    const app = createApp({ logger: quietLogger() }).get('/feed', () =>
      sse(
        (async function* () {
          try {
            for (let i = 0; ; i++) {
              yield { data: i }
              await tick(10)
            }
          } finally {
            closed = true
          }
        })(),
      ),
    )
    const url = await start(app)
    const response = await request(`${url}/feed`)
    for await (const chunk of response.body) {
      expect(String(chunk)).toContain('data: 0')
      break
    }
    for (let i = 0; i < 50 && !closed; i++) await tick(20)
    expect(closed).toBe(true)
  })
})

describe('JSON Lines from an async generator handler', () => {
  const Item = t.Object({ name: t.String(), price: t.Number() })

  test('each item is serialized by the response schema, one per line', async () => {
    const app = createApp({ logger: quietLogger() }).get('/items', { response: Item }, async function* () {
      yield { name: 'a', price: 1 }
      yield { name: 'b', price: 2, secret: 'never sent' } as { name: string; price: number }
    })
    const response = await app.inject({ url: '/items' })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/jsonl')
    expect(response.body).toBe('{"name":"a","price":1}\n{"name":"b","price":2}\n')
    const url = await start(app)
    expect(await (await request(`${url}/items`)).body.text()).toBe(response.body)
  })

  test('an item failing the schema cuts the stream and is logged', async () => {
    const logger = quietLogger()
    const app = createApp({ logger }).get('/items', { response: Item }, async function* () {
      yield { name: 'a', price: 1 }
      yield { name: 'b', price: 'free' } as unknown as { name: string; price: number }
    })
    const url = await start(app)
    const response = await request(`${url}/items`)
    await expect(response.body.text()).rejects.toThrow()
    expect(logger.errors).toHaveLength(1)
  })
})

describe('empty bodies', () => {
  test("204 and 304 carry neither a body nor a Content-Length, and FastAPI's content type", async () => {
    const app = createApp({ logger: quietLogger() })
      .get('/gone', { status: 204 }, () => ({ ignored: true }))
      .get('/same', ({ response }) => {
        response.status = 304
        return { ignored: true }
      })
    const url = await start(app)
    for (const path of ['/gone', '/same']) {
      const response = await request(`${url}${path}`)
      expect(response.headers['content-length']).toBeUndefined()
      expect(response.headers['content-type']).toBe('application/json')
      expect(await response.body.text()).toBe('')
    }
  })
})
