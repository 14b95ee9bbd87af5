import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { type CorsOptions, cors } from './cors.js'

const quiet = { error: () => {}, warn: () => {}, info: () => {} }

function appWith(options: CorsOptions) {
  return createApp({ logger: quiet })
    .use(cors(options))
    .get('/items', ({ response }) => {
      response.setHeader('x-total', '3')
      return []
    })
}

const origin = 'https://example.com'

describe('cors()', () => {
  test('a preflight from an allowed origin answers 200 with the allowed methods, headers and max-age', async () => {
    const app = appWith({
      allowOrigins: [origin],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['X-Token'],
      maxAge: 60,
    })
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-token, content-type',
      },
    })
    expect(response.status).toBe(200)
    expect(response.body).toBe('OK')
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, Content-Type, X-Token',
      'access-control-max-age': '60',
      vary: 'Origin',
    })
  })

  test('a preflight failing origin, method or headers answers 400 naming what failed', async () => {
    const app = appWith({ allowOrigins: [origin] })
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: {
        origin: 'https://evil.test',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'x-secret',
      },
    })
    expect(response.status).toBe(400)
    expect(response.body).toBe('Disallowed CORS origin, method, headers')
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('a simple request gets the origin echoed with Vary, exposed headers and credentials', async () => {
    const app = appWith({ allowOrigins: [origin], allowCredentials: true, exposeHeaders: ['X-Total'] })
    const response = await app.inject({ url: '/items', headers: { origin } })
    expect(response.status).toBe(200)
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Total',
      vary: 'Origin',
      'x-total': '3',
    })
    const other = await app.inject({ url: '/items', headers: { origin: 'https://evil.test' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  test("'*' answers any origin with '*', but the explicit origin when the request carries cookies", async () => {
    const app = appWith({ allowOrigins: ['*'], allowHeaders: ['*'] })
    const plain = await app.inject({ url: '/items', headers: { origin } })
    expect(plain.headers['access-control-allow-origin']).toBe('*')
    expect(plain.headers.vary).toBeUndefined()
    const withCookie = await app.inject({ url: '/items', headers: { origin, cookie: 'a=1' } })
    expect(withCookie.headers['access-control-allow-origin']).toBe(origin)
    expect(withCookie.headers.vary).toBe('Origin')
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-anything' },
    })
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(preflight.headers['access-control-allow-headers']).toBe('x-anything')
  })

  test('allowOriginRegex matches whole origins; requests without Origin pass untouched', async () => {
    const app = appWith({ allowOriginRegex: 'https://.*\\.example\\.org' })
    const sub = await app.inject({ url: '/items', headers: { origin: 'https://api.example.org' } })
    expect(sub.headers['access-control-allow-origin']).toBe('https://api.example.org')
    const trick = await app.inject({ url: '/items', headers: { origin: 'https://api.example.org.evil.test' } })
    expect(trick.headers['access-control-allow-origin']).toBeUndefined()
    const none = await app.inject({ url: '/items' })
    expect(Object.keys(none.headers).some((h) => h.startsWith('access-control'))).toBe(false)
  })

  test('a preflight is answered even where no OPTIONS route exists', async () => {
    const app = appWith({ allowOrigins: [origin], allowMethods: ['*'] })
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/nowhere',
      headers: { origin, 'access-control-request-method': 'PATCH' },
    })
    expect(response.status).toBe(200)
    expect(response.headers['access-control-allow-methods']).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT')
  })
})
