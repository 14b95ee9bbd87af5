import { createServer } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { get } from '@typefast/router'
import { t } from '@typefast/validation'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { file } from '../responses/file-response.js'
import { json, redirect } from '../responses/responses.js'
import { quietLogger } from '../test-support.js'

// A value from the query reaches each header a user's input can: a redirect's location, a
// custom header, a cookie, a download's file name. CR/LF and other refused characters are
// percent-encoded: the answer is never a 500 and no header is injected. Read as raw bytes.

const Q = { query: t.Object({ v: t.String() }) }
let app: App<any>
let port: number

beforeAll(async () => {
  app = createApp({ logger: quietLogger() }).add(
    get('/redirect', Q, ({ query }) => redirect(query.v)),
    get('/header', Q, ({ query }) => json({ ok: true }, { headers: { 'x-echo': query.v } })),
    get('/set-header', Q, ({ query, response }) => {
      response.setHeader('x-echo', query.v)
      return { ok: true }
    }),
    get('/cookie', Q, ({ query, response }) => {
      response.setCookie('last', query.v)
      return { ok: true }
    }),
    get('/download', Q, ({ query }) => file(fileURLToPath(import.meta.url), { filename: query.v })),
  )
  port = (await app.listen({ port: 0 })).port
})
afterAll(() => app.close())

/** The head of the answer to GET `path`, as raw lines. */
function head(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`))
    socket.on('data', (chunk: string) => {
      data += chunk
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(data.slice(0, data.indexOf('\r\n\r\n')).split('\r\n')))
  })
}

const injection = encodeURIComponent('/next\r\nSet-Cookie: admin=1\r\n\r\n<html>é')

function header(lines: string[], name: string): string[] {
  return lines
    .filter((line) => line.toLowerCase().startsWith(`${name}:`))
    .map((line) => line.slice(name.length + 1).trim())
}

describe('CR/LF from a user in a response header', () => {
  test('redirect(): the target percent-encoded as Starlette does', async () => {
    const lines = await head(`/redirect?v=${injection}`)
    expect(lines[0]).toBe('HTTP/1.1 307 Temporary Redirect')
    // Starlette 1.7: RedirectResponse('/next\r\nSet-Cookie: admin=1\r\n\r\n<html>é').headers['location']
    expect(header(lines, 'location')).toEqual(['/next%0D%0ASet-Cookie:%20admin=1%0D%0A%0D%0A%3Chtml%3E%C3%A9'])
    expect(header(lines, 'set-cookie')).toEqual([])
  })

  test('redirect(): an ordinary target is unchanged', async () => {
    const target = encodeURIComponent('https://example.com/a/b?x=1&y=[2]#top')
    expect(header(await head(`/redirect?v=${target}`), 'location')).toEqual(['https://example.com/a/b?x=1&y=[2]#top'])
  })

  for (const path of ['/header', '/set-header']) {
    test(`${path}: a custom header's value percent-encoded, the answer 200`, async () => {
      const lines = await head(`${path}?v=${injection}`)
      expect(lines[0]).toBe('HTTP/1.1 200 OK')
      // é is a character node accepts: written as it writes any header (UTF-8)
      expect(header(lines, 'x-echo')).toEqual(['/next%0D%0ASet-Cookie: admin=1%0D%0A%0D%0A<html>\xc3\xa9'])
      expect(header(lines, 'set-cookie')).toEqual([])
    })
  }

  test('setCookie(): the value encoded, one set-cookie header', async () => {
    const lines = await head(`/cookie?v=${injection}`)
    expect(lines[0]).toBe('HTTP/1.1 200 OK')
    expect(header(lines, 'set-cookie')).toHaveLength(1)
    expect(header(lines, 'set-cookie')[0]).toMatch(/^last=%2Fnext%0D%0ASet-Cookie%3A%20admin%3D1/)
  })

  test('file(): the file name in content-disposition cannot split the head', async () => {
    const lines = await head(`/download?v=${encodeURIComponent('a\r\nSet-Cookie: admin=1.txt')}`)
    expect(lines[0]).toBe('HTTP/1.1 200 OK')
    expect(header(lines, 'set-cookie')).toEqual([])
    expect(header(lines, 'content-disposition')).toEqual([
      `attachment; filename="a__Set-Cookie: admin=1.txt"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20admin%3D1.txt`,
    ])
  })
})

describe('CR/LF in a custom header through app.inject and app.handler on your own server', () => {
  const echoed = '/next%0D%0ASet-Cookie: admin=1%0D%0A%0D%0A<html>é'

  test('app.inject: 200, the value percent-encoded', async () => {
    for (const path of ['/header', '/set-header']) {
      const res = await app.inject({ url: `${path}?v=${injection}` })
      expect(res.status).toBe(200)
      expect(res.headers['x-echo']).toBe(echoed)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  test('app.handler on a plain node:http server: 200, no header injected', async () => {
    const server = createServer(app.handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port: own } = server.address() as AddressInfo
      const res = await request(`http://127.0.0.1:${own}/header?v=${injection}`)
      expect(res.statusCode).toBe(200)
      expect(Buffer.from(res.headers['x-echo'] as string, 'latin1').toString('utf8')).toBe(echoed)
      expect(res.headers['set-cookie']).toBeUndefined()
      await res.body.dump()
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
