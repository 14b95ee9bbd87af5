import { gunzipSync } from 'node:zlib'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { raw, text } from '../responses/responses.js'
import { stream } from '../responses/stream-response.js'
import { gzip } from './gzip.js'

const big = 'typefast '.repeat(200)
const app = createApp({ logger: { error: () => {}, warn: () => {}, info: () => {} } })
  .use(gzip({ minimumSize: 500 }))
  .get('/big', () => text(big))
  .get('/small', () => text('tiny'))
  .get('/json', () => ({ items: Array.from({ length: 100 }, (_, i) => ({ i })) }))
  .get('/encoded', () => raw(Buffer.from('already'), 'text/plain', { headers: { 'content-encoding': 'br' } }))
  .get('/stream', () =>
    stream(
      (async function* () {
        for (let i = 0; i < 50; i++) yield `chunk ${i}\n`
      })(),
    ),
  )

let url: string
let running: App<any>
beforeAll(async () => {
  running = app
  url = (await app.listen({ port: 0 })).url
})
afterAll(() => running.close())

async function fetchRaw(path: string, acceptEncoding?: string) {
  const response = await request(`${url}${path}`, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  })
  return { headers: response.headers, bytes: Buffer.from(await response.body.arrayBuffer()) }
}

describe('gzip()', () => {
  test('compresses bodies from the minimum size when gzip is accepted, with Vary and Content-Length', async () => {
    const { headers, bytes } = await fetchRaw('/big', 'br, gzip;q=0.8')
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers.vary).toBe('Accept-Encoding')
    expect(headers['content-length']).toBe(String(bytes.length))
    expect(gunzipSync(bytes).toString()).toBe(big)
    const json = await fetchRaw('/json', 'gzip')
    expect(JSON.parse(gunzipSync(json.bytes).toString()).items).toHaveLength(100)
  })

  test('leaves small bodies, clients that do not accept gzip, and encoded answers alone', async () => {
    expect((await fetchRaw('/small', 'gzip')).headers['content-encoding']).toBeUndefined()
    const refused = await fetchRaw('/big', 'gzip;q=0, identity')
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.bytes.toString()).toBe(big)
    expect((await fetchRaw('/big')).headers['content-encoding']).toBeUndefined()
    const encoded = await fetchRaw('/encoded', 'gzip')
    expect(encoded.headers['content-encoding']).toBe('br')
    expect(encoded.bytes.toString()).toBe('already')
  })

  test('compresses a stream as it flows', async () => {
    const { headers, bytes } = await fetchRaw('/stream', 'gzip')
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers['content-length']).toBeUndefined()
    expect(gunzipSync(bytes).toString()).toBe(Array.from({ length: 50 }, (_, i) => `chunk ${i}\n`).join(''))
  })
})
