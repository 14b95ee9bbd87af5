import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { file } from './file-response.js'

const dir = mkdtempSync(join(tmpdir(), 'typefast-file-'))
const textPath = join(dir, 'hello.txt')
const content = 'Hello, file! 0123456789'
writeFileSync(textPath, content)
utimesSync(textPath, new Date('2024-01-02T03:04:05Z'), new Date('2024-01-02T03:04:05Z'))
writeFileSync(join(dir, 'page.html'), '<h1>hi</h1>')

const quiet = { error: () => {}, warn: () => {}, info: () => {} }
const app = createApp({ logger: quiet })
  .get('/text', () => file(textPath))
  .get('/page', () => file(join(dir, 'page.html')))
  .get('/download', () => file(textPath, { filename: 'résumé.txt' }))
  .get('/page-as', () => file(join(dir, 'page.html'), { filename: '' }))
  .get('/missing', () => file(join(dir, 'nope.txt')))
  .get('/dir', () => file(dir))
let url: string
let running: App<any>

beforeAll(async () => {
  running = app
  url = (await app.listen({ port: 0 })).url
})
afterAll(() => running.close())

describe('file()', () => {
  test('streams the file with Content-Type by extension, Content-Length, ETag and Last-Modified', async () => {
    const response = await request(`${url}/text`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.headers['content-length']).toBe(String(content.length))
    expect(response.headers['accept-ranges']).toBe('bytes')
    expect(response.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(response.headers['last-modified']).toBe('Tue, 02 Jan 2024 03:04:05 GMT')
    expect(await response.body.text()).toBe(content)
    const page = await request(`${url}/page`)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    await page.body.text()
  })

  test('an empty download name: the type is guessed from the path, as Starlette guesses it', async () => {
    expect((await app.inject({ url: '/page-as' })).headers['content-type']).toBe('text/html; charset=utf-8')
  })

  test('a download gets Content-Disposition with an encoded name', async () => {
    const response = await app.inject({ url: '/download' })
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="r_sum_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`,
    )
  })

  test('If-None-Match and If-Modified-Since answer 304 with no body', async () => {
    const first = await request(`${url}/text`)
    await first.body.text()
    const etag = String(first.headers.etag)
    const byTag = await request(`${url}/text`, { headers: { 'if-none-match': `W/"other", ${etag}` } })
    expect(byTag.statusCode).toBe(304)
    expect(byTag.headers.etag).toBe(etag)
    expect(await byTag.body.text()).toBe('')
    const byDate = await request(`${url}/text`, { headers: { 'if-modified-since': 'Tue, 02 Jan 2024 03:04:05 GMT' } })
    expect(byDate.statusCode).toBe(304)
    await byDate.body.text()
    const older = await request(`${url}/text`, { headers: { 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' } })
    expect(older.statusCode).toBe(200)
    await older.body.text()
    // If-None-Match wins over If-Modified-Since.
    const stale = await request(`${url}/text`, {
      headers: { 'if-none-match': '"stale"', 'if-modified-since': 'Tue, 02 Jan 2024 03:04:05 GMT' },
    })
    expect(stale.statusCode).toBe(200)
    await stale.body.text()
  })

  test('Range answers 206 with Content-Range; suffix and open ranges too', async () => {
    const cases: [string, string, string][] = [
      ['bytes=0-4', 'Hello', `bytes 0-4/${content.length}`],
      ['bytes=7-', content.slice(7), `bytes 7-${content.length - 1}/${content.length}`],
      ['bytes=-4', '6789', `bytes ${content.length - 4}-${content.length - 1}/${content.length}`],
      ['bytes=20-999', content.slice(20), `bytes 20-${content.length - 1}/${content.length}`],
    ]
    for (const [range, body, contentRange] of cases) {
      const response = await request(`${url}/text`, { headers: { range } })
      expect(response.statusCode).toBe(206)
      expect(response.headers['content-range']).toBe(contentRange)
      expect(response.headers['content-length']).toBe(String(body.length))
      expect(await response.body.text()).toBe(body)
    }
  })

  test('a range Starlette refuses answers as it does: 416 past the end, 400 with its message', async () => {
    for (const range of ['bytes=500-600', 'bytes=100000-']) {
      const response = await request(`${url}/text`, { headers: { range } })
      expect(response.statusCode, range).toBe(416)
      expect(response.headers['content-range']).toBe(`bytes */${content.length}`)
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(await response.body.text()).toBe('')
    }
    for (const [range, message] of [
      ['items=0-1', 'Only support bytes range'],
      ['bytes', 'Malformed range header.'],
      ['bytes=x-y', 'Range header: range must be requested'],
      ['bytes=5-2', 'Range header: start must be less than end'],
    ]) {
      const response = await request(`${url}/text`, { headers: { range } })
      expect(response.statusCode, range).toBe(400)
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(await response.body.text()).toBe(message)
    }
  })

  test('several ranges send the whole file (no multipart/byteranges)', async () => {
    const whole = await request(`${url}/text`, { headers: { range: 'bytes=0-1,3-4' } })
    expect(whole.statusCode).toBe(200)
    expect(await whole.body.text()).toBe(content)
  })

  test('If-Range with a stale validator ignores the range', async () => {
    const response = await request(`${url}/text`, { headers: { range: 'bytes=0-4', 'if-range': '"stale"' } })
    expect(response.statusCode).toBe(200)
    expect(await response.body.text()).toBe(content)
  })

  test('HEAD sends the headers and no body', async () => {
    const response = await request(`${url}/text`, { method: 'HEAD' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-length']).toBe(String(content.length))
    expect(await response.body.text()).toBe('')
  })

  test('a missing file or a directory answers 404', async () => {
    expect((await app.inject({ url: '/missing' })).status).toBe(404)
    expect((await app.inject({ url: '/dir' })).json()).toEqual({ detail: 'Not Found' })
  })
})
