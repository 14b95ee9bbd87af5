import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { httpsRedirect } from './https-redirect.js'
import { trustedHost } from './trusted-host.js'

const quiet = { error: () => {}, warn: () => {}, info: () => {} }

describe('trustedHost()', () => {
  const app = createApp({ logger: quiet })
    .use(trustedHost({ allowedHosts: ['example.com', '*.example.org', 'www.shop.test'] }))
    .get('/', () => 'ok')

  test('serves allowed hosts, ports ignored, wildcard subdomains', async () => {
    for (const host of ['example.com', 'example.com:8000', 'api.example.org', 'EXAMPLE.COM']) {
      expect((await app.inject({ url: '/', headers: { host } })).status).toBe(200)
    }
  })

  test('answers 400 to any other host', async () => {
    for (const host of ['evil.test', 'example.com.evil.test', 'example.org', 'fakeexample.org']) {
      const response = await app.inject({ url: '/', headers: { host } })
      expect(response.status).toBe(400)
      expect(response.body).toBe('Invalid host header')
    }
  })

  test('redirects to www when only the www host is allowed', async () => {
    const response = await app.inject({ url: '/a?b=1', headers: { host: 'shop.test' } })
    expect(response.status).toBe(307)
    expect(response.headers.location).toBe('http://www.shop.test/a?b=1')
  })
})

describe('httpsRedirect()', () => {
  test('redirects plain HTTP to HTTPS with 307, dropping the default port', async () => {
    const app = createApp({ logger: quiet })
      .use(httpsRedirect())
      .post('/submit', () => 'ok')
    const response = await app.inject({ method: 'POST', url: '/submit?x=1', headers: { host: 'example.com:80' } })
    expect(response.status).toBe(307)
    expect(response.headers.location).toBe('https://example.com/submit?x=1')
    const other = await app.inject({ url: '/submit', headers: { host: 'example.com:8080' } })
    expect(other.headers.location).toBe('https://example.com:8080/submit')
  })

  test('trusts X-Forwarded-Proto only when told to', async () => {
    const headers = { host: 'example.com', 'x-forwarded-proto': 'https' }
    const strict = createApp({ logger: quiet })
      .use(httpsRedirect())
      .get('/', () => 'ok')
    expect((await strict.inject({ url: '/', headers })).status).toBe(307)
    const proxied = createApp({ logger: quiet })
      .use(httpsRedirect({ trustForwardedProto: true }))
      .get('/', () => 'ok')
    expect((await proxied.inject({ url: '/', headers })).status).toBe(200)
  })
})
