// Runs the sample of websockets.md and checks what the page says of it.
import { createApp, get, type Middleware, router, websocket } from 'typefast'
import { afterAll, describe, expect, test } from 'vitest'
import { app } from './samples/websockets/chat.js'
import { events, app as roomsApp } from './samples/websockets/chat-router.js'

afterAll(() => Promise.all([app.close(), roomsApp.close()]))

describe('websockets', () => {
  test('chat.ts: welcome, echo typed by the schemas, closed by the client', async () => {
    const client = await app.injectWebSocket('/rooms/3?token=secret-token')
    expect(await client.receiveJson()).toEqual({ room: 3, user: 'server', text: 'welcome, ada' })
    client.sendJson({ text: 'hi all' })
    expect(await client.receiveJson()).toEqual({ room: 3, user: 'ada', text: 'hi all' })
    expect((await client.close()).code).toBe(1000)
  })

  test('chat.ts: a bad token closes with 1008 and the detail; a bad room with the 422 errors', async () => {
    expect(await (await app.injectWebSocket('/rooms/3?token=nope')).closed).toEqual({
      code: 1008,
      reason: 'Invalid token',
    })
    const bad = await (await app.injectWebSocket('/rooms/x')).closed
    expect(bad.code).toBe(1008)
    expect(bad.reason).toContain('"loc":["path","room"]')
  })

  test('chat.ts: an empty message fails the receive schema', async () => {
    const client = await app.injectWebSocket('/rooms/3?token=secret-token')
    await client.receiveJson()
    client.sendJson({ text: '' })
    expect((await client.closed).code).toBe(1008)
  })

  test('chat-router.ts: the router prefix, its guard and the app dependency, torn down on close', async () => {
    const client = await roomsApp.injectWebSocket('/rooms/lobby/live', { headers: { 'x-api-key': 'team-key' } })
    client.sendJson({ text: 'hello' })
    expect(await client.receiveText()).toBe('lobby: hello')
    expect((await client.close()).code).toBe(1000)
    await expect.poll(() => events).toEqual(['connection opened', 'connection closed'])
  })

  test('chat-router.ts: a bad or missing key closes with 1008; the HTTP route and OpenAPI leave the socket out', async () => {
    const refused = roomsApp.injectWebSocket('/rooms/lobby/live', { headers: { 'x-api-key': 'nope' } })
    expect(await (await refused).closed).toEqual({ code: 1008, reason: 'Invalid API key' })
    const missing = await (await roomsApp.injectWebSocket('/rooms/lobby/live')).closed
    expect(missing.code).toBe(1008)
    expect(missing.reason).toContain('"loc":["header","x-api-key"]')
    const list = await roomsApp.inject({ url: '/rooms', headers: { 'x-api-key': 'team-key' } })
    expect(list.json()).toEqual(['lobby', 'support'])
    expect(Object.keys(roomsApp.openapi().paths ?? {})).toEqual(['/rooms'])
  })

  test("middleware, the app's and a router's, wraps the HTTP routes only, not the router's WebSocket routes", async () => {
    const seen: string[] = []
    const record =
      (name: string): Middleware =>
      (request, next) => {
        seen.push(`${name} ${request.path}`)
        return next()
      }
    const feed = router(
      { prefix: '/feed', middleware: [record('router')] },
      get('/recent', () => ['hello']),
      websocket('/live', ({ socket }) => socket.sendText('live')),
    )
    const withMiddleware = createApp().use(record('app')).include(feed)
    try {
      const client = await withMiddleware.injectWebSocket('/feed/live')
      expect(await client.receiveText()).toBe('live')
      expect((await client.closed).code).toBe(1000)
      expect((await withMiddleware.inject({ url: '/feed/recent' })).json()).toEqual(['hello'])
      expect(seen).toEqual(['app /feed/recent', 'router /feed/recent'])
    } finally {
      await withMiddleware.close()
    }
  })
})
