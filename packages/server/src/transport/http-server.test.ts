import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { get, post } from '@typefast/router'
import { t } from '@typefast/validation'
import { Agent, request } from 'undici'
import { describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { closeAfterTest } from '../test-support.js'

const agent = new Agent({ keepAliveTimeout: 10_000 })
function testApp() {
  return createApp({ logger: { error: () => {}, warn: () => {}, info: () => {} } }).add(
    get('/hello', () => ({ message: 'Hello World' })),
    get('/items/{id}', { params: t.Object({ id: t.Integer() }) }, ({ params }) => ({ item_id: params.id })),
    post('/echo', { body: t.Object({ name: t.String({ minLength: 1 }) }), status: 201 }, ({ body }) => body),
    get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      return { done: true }
    }),
    get('/crash', () => {
      throw new Error('boom')
    }),
    get('/teapot', () => {
      throw new HTTPException(418, "I'm a teapot")
    }),
  )
}

async function start(app: App<any>) {
  closeAfterTest(app)
  return app.listen({ port: 0 })
}

describe('over a real socket', () => {
  test('listen({ port: 0 }) resolves to the url and the port it got', async () => {
    const { url, port } = await start(testApp())
    expect(port).toBeGreaterThan(0)
    expect(url).toBe(`http://127.0.0.1:${port}`)
    const response = await request(`${url}/hello`, { dispatcher: agent })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.headers['content-length']).toBe('25')
    expect(await response.body.json()).toEqual({ message: 'Hello World' })
  })

  test('validation errors, bodies and exceptions keep the connection serving', async () => {
    const { url } = await start(testApp())
    const bad = await request(`${url}/items/abc`, { dispatcher: agent })
    expect(bad.statusCode).toBe(422)
    expect(await bad.body.json()).toMatchObject({ detail: [{ type: 'int_parsing', loc: ['path', 'id'] }] })
    const crash = await request(`${url}/crash`, { dispatcher: agent })
    expect(crash.statusCode).toBe(500)
    expect(await crash.body.text()).toBe('{"detail":"Internal Server Error"}')
    const malformed = await request(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
      dispatcher: agent,
    })
    expect(malformed.statusCode).toBe(422)
    await malformed.body.dump()
    const teapot = await request(`${url}/teapot`, { dispatcher: agent })
    expect(teapot.statusCode).toBe(418)
    await teapot.body.dump()
    const created = await request(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
      dispatcher: agent,
    })
    expect(created.statusCode).toBe(201)
    expect(await created.body.json()).toEqual({ name: 'x' })
  })

  test('a body over the limit answers 413 and the server keeps serving', async () => {
    const { url } = await start(
      createApp({ bodyLimit: 1024 }).post('/b', { body: t.Object({ s: t.String() }) }, ({ body }) => body),
    )
    const big = await request(`${url}/b`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ s: 'x'.repeat(10_000) }),
    })
    expect(big.statusCode).toBe(413)
    await big.body.dump()
    const small = await request(`${url}/b`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"s":"ok"}',
    })
    expect(await small.body.json()).toEqual({ s: 'ok' })
  })

  test('close() stops accepting, finishes the requests in flight and runs shutdown hooks', async () => {
    const events: string[] = []
    const app = testApp().onShutdown(() => {
      events.push('shutdown')
    })
    const { url } = await start(app)
    const inFlight = request(`${url}/slow`, { dispatcher: agent })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const closed = app.close().then(() => events.push('closed'))
    const response = await inFlight
    expect(response.statusCode).toBe(200)
    expect(await response.body.json()).toEqual({ done: true })
    await closed
    expect(events).toEqual(['shutdown', 'closed'])
    await expect(request(`${url}/hello`, { dispatcher: new Agent() })).rejects.toThrow()
  })

  test('app.handler serves from an existing node:http server', async () => {
    const server = createServer(testApp().handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const response = await request(`http://127.0.0.1:${port}/items/7`)
    expect(await response.body.json()).toEqual({ item_id: 7 })
    await new Promise((resolve) => server.close(resolve))
  })
})
