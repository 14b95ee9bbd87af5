import { connect } from 'node:net'
import { get, post } from '@typefast/router'
import { t } from '@typefast/validation'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, type AppOptions, createApp } from '../app/app.js'
import type { Logger } from '../logging/logger.js'

// Bad input over a real socket: every request below gets its documented status, and the server
// answers the next request. Raw bytes go through node:net so nothing is cleaned up by a client.

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
  /** true when the server closed the connection after answering */
  closed: boolean
}

/** Send `chunks` (with `pauseMs` between them) and read one answer, or the close. */
function raw(port: number, chunks: (string | Buffer)[], pauseMs = 0, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = Buffer.alloc(0)
    let settled = false
    const timer = setTimeout(() => finish(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)
    const finish = (error?: Error, answer?: RawAnswer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve(answer!)
    }
    const parse = (closed: boolean) => {
      const end = data.indexOf('\r\n\r\n')
      if (end === -1) {
        if (closed) finish(new Error(`closed without an answer: ${JSON.stringify(data.toString('latin1'))}`))
        return
      }
      const lines = data.subarray(0, end).toString('latin1').split('\r\n')
      const status = Number(lines[0]!.split(' ')[1])
      const headers: Record<string, string> = {}
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      const length = Number(headers['content-length'] ?? 0)
      if (data.length - end - 4 < length) return
      const body = data.subarray(end + 4, end + 4 + length).toString('utf8')
      finish(undefined, { status, headers, body, closed: closed || headers.connection === 'close' })
    }
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk])
      parse(false)
    })
    socket.on('close', () => parse(true))
    socket.on('error', () => parse(true))
    socket.on('connect', async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (i > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs))
        if (settled || socket.destroyed) return
        socket.write(chunk)
      }
    })
  })
}

const lines: { details: object; message: string }[] = []
const logger: Logger = {
  error: (details, message) => lines.push({ details, message }),
  warn: (details, message) => lines.push({ details, message }),
  info: (details, message) => lines.push({ details, message }),
}

const Item = t.Object({ name: t.String({ minLength: 1 }), price: t.Number({ exclusiveMinimum: 0 }) }, { $id: 'Item' })
const Tree = t.Object({ children: t.Array(t.Any()) })

function badInputApp(options: AppOptions = {}): App<any> {
  return createApp({ logger, bodyLimit: 1024, ...options }).add(
    get('/hello', () => ({ message: 'Hello World' })),
    post('/items', { body: Item, status: 201, response: Item }, ({ body }) => body),
    post('/echo', { body: t.Any() }, ({ body }) => ({ keys: Object.keys(body ?? {}), polluted: ({} as any).admin })),
    post('/tree', { body: Tree }, ({ body }) => ({ size: body.children.length })),
    get('/items/{id}', { params: t.Object({ id: t.Integer() }) }, ({ params }) => ({ id: params.id })),
    get('/names/{name}', ({ params }) => ({ name: params.name })),
    get('/search', { query: t.Object({ q: t.Optional(t.String()) }) }, ({ query }) => ({ q: query.q ?? null })),
    get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return { done: true }
    }),
  )
}

const post_ = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const head = Object.entries({ 'content-type': 'application/json', ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  return [
    Buffer.concat([
      Buffer.from(`POST ${path} HTTP/1.1\r\nhost: x\r\n${head}content-length: ${bytes.length}\r\n\r\n`),
      bytes,
    ]),
  ]
}
const get_ = (path: string, extra = '') => [`GET ${path} HTTP/1.1\r\nhost: x\r\n${extra}\r\n`]

let app: App<any>
let port: number

beforeAll(async () => {
  app = badInputApp({ headersTimeout: 400, requestTimeout: 800, maxUrlLength: 2048, maxHeaderSize: 4096 })
  port = (await app.listen({ port: 0 })).port
})
afterAll(() => app.close())

async function expectAlive(): Promise<void> {
  const answer = await raw(port, get_('/hello'))
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.body)).toEqual({ message: 'Hello World' })
}

async function expectAnswer(chunks: (string | Buffer)[], status: number, pauseMs = 0): Promise<RawAnswer> {
  const answer = await raw(port, chunks, pauseMs)
  expect(answer.status, answer.body).toBe(status)
  if (answer.body !== '') expect(answer.headers['content-type']).toMatch(/^application\/json/)
  await expectAlive()
  return answer
}

describe('JSON bodies', () => {
  test('malformed JSON: 422 json_invalid', async () => {
    const answer = await expectAnswer(post_('/items', '{"name": "a", price: 1}'), 422)
    expect(JSON.parse(answer.body).detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 14] })
  })

  test('truncated JSON: 422 json_invalid', async () => {
    const answer = await expectAnswer(post_('/items', '{"name": "a", "pri'), 422)
    expect(JSON.parse(answer.body).detail[0].type).toBe('json_invalid')
  })

  test('a body cut short by the client closing: nothing answered, nothing broken', async () => {
    const head = 'POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"na'
    await expect(raw(port, [head], 0, 200)).rejects.toThrow(/no answer/)
    await expectAlive()
  })

  test('wrong content type: 415', async () => {
    const answer = await expectAnswer(post_('/items', '{"name":"a","price":1}', { 'content-type': 'text/plain' }), 415)
    expect(JSON.parse(answer.body)).toEqual({ detail: 'Unsupported Media Type' })
  })

  test('missing content type: the body is not read as JSON but validated as its text, as FastAPI 0.142.2 does', async () => {
    const body = '{"name":"a","price":1}'
    const request = `POST /items HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n${body}`
    const answer = await expectAnswer([request], 422)
    expect(answer.body).toBe(
      '{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\\"name\\":\\"a\\",\\"price\\":1}"}]}',
    )
  })

  test('empty body where one is required: 422 missing', async () => {
    const answer = await expectAnswer(post_('/items', ''), 422)
    expect(JSON.parse(answer.body).detail).toEqual([
      { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
    ])
  })

  test('body over the limit, declared: 413', async () => {
    await expectAnswer(post_('/items', JSON.stringify({ name: 'x'.repeat(5000), price: 1 })), 413)
  })

  test('body over the limit, chunked: 413', async () => {
    const chunk = `{"name":"${'x'.repeat(3000)}","price":1}`
    const request =
      'POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n' +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`
    await expectAnswer([request], 413)
  })

  test("invalid UTF-8 in a JSON body: 400, FastAPI's answer", async () => {
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","price":1}')])
    const answer = await expectAnswer(post_('/items', body), 400)
    expect(answer.body).toBe('{"detail":"There was an error parsing the body"}')
  })

  test('nesting deeper than maxJsonDepth (200): 422 json_invalid', async () => {
    const deep = `{"children":[${'['.repeat(500)}${']'.repeat(500)}]}`
    const answer = await expectAnswer(post_('/tree', deep), 422)
    expect(JSON.parse(answer.body).detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 211] })
    // within the limit, fine
    const ok = await expectAnswer(post_('/tree', `{"children":[${'['.repeat(150)}${']'.repeat(150)}]}`), 200)
    expect(JSON.parse(ok.body)).toEqual({ size: 1 })
  })

  test('__proto__ and constructor.prototype payloads are dropped, nothing is polluted', async () => {
    const payload = '{"a":1,"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'
    const answer = await expectAnswer(post_('/echo', payload), 200)
    expect(JSON.parse(answer.body)).toEqual({ keys: ['a'] })
    const nested = await expectAnswer(post_('/items', '{"name":"a","price":1,"__proto__":{"price":-1}}'), 201)
    expect(JSON.parse(nested.body)).toEqual({ name: 'a', price: 1 })
    expect(({} as any).admin).toBeUndefined()
  })

  test('a __proto__ key written with \\u escapes is dropped too, and a leading BOM is skipped', async () => {
    const escaped = '{"a":1,"\\u005f_proto__":{"admin":true},"constru\\u0063tor":{"prototype":{"admin":true}}}'
    const answer = await expectAnswer(post_('/echo', escaped), 200)
    expect(JSON.parse(answer.body)).toEqual({ keys: ['a'] })
    expect(({} as any).admin).toBeUndefined()
    const bom = await expectAnswer(post_('/items', '\ufeff{"name":"a","price":1}'), 201)
    expect(JSON.parse(bom.body)).toEqual({ name: 'a', price: 1 })
  })

  test('__proto__ in the query string pollutes nothing', async () => {
    await expectAnswer(get_('/search?__proto__[admin]=1&constructor[prototype][admin]=1&q=x'), 200)
    expect(({} as any).admin).toBeUndefined()
  })
})

describe('URLs and heads', () => {
  test('path traversal never leaves the route table', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/hello/../../etc/passwd']) {
      const answer = await expectAnswer(get_(path), 404)
      expect(JSON.parse(answer.body)).toEqual({ detail: 'Not Found' })
    }
    // '%2F' is a separator, as in Starlette: no single parameter takes '../../etc/passwd'
    await expectAnswer(get_('/names/..%2F..%2Fetc%2Fpasswd'), 404)
    await expectAnswer(get_('/items/..%2F1'), 404)
  })

  test('invalid percent-encoding and UTF-8 in the path: 400 or 404, never a crash', async () => {
    for (const path of ['/names/%FF%FE', '/names/%E0%A4%A', '/names/%', '/items/%C0%AF']) {
      const answer = await raw(port, get_(path))
      expect([400, 404, 422]).toContain(answer.status)
      await expectAlive()
    }
    const bytes = Buffer.from('GET /names/\xff\xfe HTTP/1.1\r\nhost: x\r\n\r\n', 'latin1')
    const answer = await raw(port, [bytes])
    expect([200, 400, 404]).toContain(answer.status)
    await expectAlive()
  })

  test('a huge query string within the URL limit is parsed; over it: 414', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `k${i}=v`).join('&')
    const answer = await expectAnswer(get_(`/search?q=x&${many}`), 200)
    expect(JSON.parse(answer.body)).toEqual({ q: 'x' })
    const over = await expectAnswer(get_(`/search?q=${'x'.repeat(3000)}`), 414)
    expect(JSON.parse(over.body)).toEqual({ detail: 'URI Too Long' })
  })

  test('headers over maxHeaderSize: 431', async () => {
    const answer = await expectAnswer(get_('/hello', `x-big: ${'a'.repeat(5000)}\r\n`), 431)
    expect(JSON.parse(answer.body)).toEqual({ detail: 'Request Header Fields Too Large' })
    expect(answer.closed).toBe(true)
  })

  test('more header fields than maxHeadersCount (100): 431', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `x-h${i}: 1\r\n`).join('')
    await expectAnswer(get_('/hello', many), 431)
    const enough = Array.from({ length: 90 }, (_, i) => `x-h${i}: 1\r\n`).join('')
    await expectAnswer(get_('/hello', enough), 200)
  })

  test('bytes that are not HTTP: 400', async () => {
    const answer = await expectAnswer(['HELLO THERE\r\n\r\n'], 400)
    expect(JSON.parse(answer.body)).toEqual({ detail: 'Bad Request' })
    await expectAnswer(['GET /hello HTTP/1.1\r\nbad header line\r\n\r\n'], 400)
    await expectAnswer(['POST /items HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n'], 400)
  })
})

describe('slow clients', () => {
  test('a head sent too slowly (slowloris): 408 after headersTimeout', async () => {
    const started = performance.now()
    const answer = await expectAnswer(
      ['GET /hello HTTP/1.1\r\n', 'host: x\r\n', 'x-a: 1\r\n', 'x-b: 1\r\n', 'x-c: 1\r\n'],
      408,
      200,
    )
    expect(JSON.parse(answer.body)).toEqual({ detail: 'Request Timeout' })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  test('a body sent too slowly: 408 after requestTimeout', async () => {
    const head = 'POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 22\r\n\r\n'
    await expectAnswer([head, '{"name":', '"a",', '"pr', 'ice', '":1', '}'], 408, 250)
  })

  test('a slow handler is not a slow client: answered after its 200 ms', async () => {
    await expectAnswer(get_('/slow'), 200)
  })
})

describe('limits', () => {
  test('maxConnections: connections beyond it are closed, the server recovers', async () => {
    const limited = badInputApp({ maxConnections: 2 })
    const { port: limitedPort } = await limited.listen({ port: 0 })
    try {
      const holders = [connect(limitedPort, '127.0.0.1'), connect(limitedPort, '127.0.0.1')]
      await Promise.all(holders.map((s) => new Promise((resolve) => s.once('connect', resolve))))
      await new Promise((resolve) => setTimeout(resolve, 50))
      await expect(raw(limitedPort, get_('/hello'), 0, 1_000)).rejects.toThrow(/closed without an answer/)
      for (const s of holders) s.destroy()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect((await raw(limitedPort, get_('/hello'))).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  test('limits are checked at start-up', async () => {
    await expect(badInputApp({ requestTimeout: -1 }).listen({ port: 0 })).rejects.toThrow(/requestTimeout/)
  })

  test('the access log has one line per request, secrets in the URL redacted', async () => {
    lines.length = 0
    await raw(port, get_('/search?q=x&password=hunter2', 'x-request-id: abc-123\r\n'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const line = lines.find((l) => l.message === 'request completed')
    expect(line?.details).toMatchObject({
      reqId: 'abc-123',
      method: 'GET',
      url: '/search?q=x&password=[Redacted]',
      status: 200,
    })
    expect(typeof (line?.details as { duration?: number } | undefined)?.duration).toBe('number')
  })
})
