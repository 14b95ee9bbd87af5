import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { requestId } from './request-id.js'

const app = createApp({ logger: { error: () => {}, warn: () => {}, info: () => {} } })
  .use(requestId())
  .get('/', ({ request }) => ({ seen: request.headers['x-request-id'] }))

describe('requestId()', () => {
  test('honours an incoming X-Request-ID and hands it to the handler', async () => {
    const response = await app.inject({ url: '/', headers: { 'x-request-id': 'abc-123' } })
    expect(response.headers['x-request-id']).toBe('abc-123')
    expect(response.json()).toEqual({ seen: 'abc-123' })
  })

  test('sets a new UUID when there is none, or the incoming one is unusable', async () => {
    const fresh = await app.inject({ url: '/' })
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(fresh.json()).toEqual({ seen: fresh.headers['x-request-id'] })
    const hostile = await app.inject({ url: '/', headers: { 'x-request-id': 'a b<script>' } })
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
