// Runs the sample of websockets.md and checks what the page says of it.
import { afterAll, describe, expect, test } from 'vitest'
import { app } from './samples/websockets/chat.js'

afterAll(() => app.close())

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
})
