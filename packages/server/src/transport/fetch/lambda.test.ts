import { describe, expect, it } from 'vitest'
import { createFeatureApp } from './fixtures/feature-app.js'
import getEvent from './fixtures/lambda/api-gateway-v2-get.json' with { type: 'json' }
import postEvent from './fixtures/lambda/function-url-post.json' with { type: 'json' }
import { type LambdaHttpEvent, toLambdaHandler } from './lambda.js'

const handler = toLambdaHandler(createFeatureApp())
const at = (rawPath: string, rawQueryString = ''): LambdaHttpEvent => ({ ...getEvent, rawPath, rawQueryString })

describe('toLambdaHandler (API Gateway v2 and function URL events)', () => {
  it('answers a GET with its path and query', async () => {
    const result = await handler(getEvent)
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'content-length': '32' },
      cookies: [],
      body: '{"id":7,"q":"x","tag":["a","b"]}',
      isBase64Encoded: false,
    })
  })

  it("passes the event's cookies as the cookie header", async () => {
    const result = await handler(at('/cookies-in'))
    expect(JSON.parse(result.body)).toEqual({ theme: 'dark' })
  })

  it('decodes a base64 body (a function URL POST)', async () => {
    const result = await handler(postEvent)
    expect(result.statusCode).toBe(201)
    expect(JSON.parse(result.body)).toEqual({ name: 'pen', price: 2.5, tags: [] })
  })

  it('returns each Set-Cookie in cookies', async () => {
    const result = await handler(at('/cookies-out'))
    expect(result.cookies).toEqual(['a=1; Path=/; SameSite=Lax', 'b=2; Path=/; HttpOnly; SameSite=Lax'])
    expect(result.headers['x-custom']).toBe('set')
    expect(result.headers).not.toHaveProperty('set-cookie')
  })

  it('sends a binary body base64-encoded', async () => {
    const result = await handler(at('/bytes'))
    expect(result).toMatchObject({ isBase64Encoded: true, body: Buffer.from([0, 1, 2, 255, 254]).toString('base64') })
  })

  it('buffers a stream into one body', async () => {
    const result = await handler(at('/lines'))
    expect(result).toMatchObject({ isBase64Encoded: false, body: '{"n":1}\n{"n":2}\n{"n":3}\n' })
  })

  it('answers errors as the app does', async () => {
    const result = await handler(at('/items/abc'))
    expect(result.statusCode).toBe(422)
    expect(JSON.parse(result.body).detail[0].type).toBe('int_parsing')
  })
})
