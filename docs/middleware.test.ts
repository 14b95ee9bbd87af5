// Runs every sample of middleware.md and checks what the page says of it.
import { gunzipSync } from 'node:zlib'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'

describe('middleware', () => {
  test('timing.ts: every answer carries X-Process-Time, 404s too', async () => {
    const { app } = await import('./samples/middleware/timing.js')
    const response = await app.inject({ url: '/' })
    expect(response.json()).toEqual({ message: 'Hello World' })
    expect(response.headers['x-process-time']).toMatch(/^\d+\.\d\dms$/)
    expect((await app.inject({ url: '/missing' })).headers['x-process-time']).toBeDefined()
  })

  test('built-in.ts: trusted host, CORS preflight and headers, request id, gzip', async () => {
    const { app } = await import('./samples/middleware/built-in.js')
    expect((await app.inject({ url: '/items', headers: { host: 'evil.test' } })).status).toBe(400)
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: {
        host: 'api.example.com',
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com')
    const { url } = await app.listen({ port: 0 })
    try {
      const response = await request(`${url}/items`, {
        headers: { origin: 'https://app.example.com', 'accept-encoding': 'gzip', 'x-request-id': 'req-1' },
      })
      expect(response.headers['access-control-allow-credentials']).toBe('true')
      expect(response.headers['x-request-id']).toBe('req-1')
      expect(response.headers['content-encoding']).toBe('gzip')
      const body = JSON.parse(gunzipSync(Buffer.from(await response.body.arrayBuffer())).toString())
      expect(body.requestId).toBe('req-1')
      expect(body.items).toHaveLength(50)
    } finally {
      await app.close()
    }
  })

  test('router-middleware.ts: only the admin routes are guarded', async () => {
    const { app } = await import('./samples/middleware/router-middleware.js')
    expect((await app.inject({ url: '/' })).json()).toEqual({ public: true })
    const denied = await app.inject({ url: '/admin/stats' })
    expect(denied.status).toBe(403)
    expect(denied.json()).toEqual({ detail: 'Admins only' })
    const allowed = await app.inject({ url: '/admin/stats', headers: { 'x-admin-token': 'secret' } })
    expect(allowed.json()).toEqual({ users: 42 })
  })
})
