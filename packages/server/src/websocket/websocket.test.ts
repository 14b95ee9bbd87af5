import { dependency } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expect, expectTypeOf, test } from 'vitest'
import WebSocket from 'ws'
import { createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { closeAfterTest, quietLogger } from '../test-support.js'

const Chat = t.Object({ text: t.String({ minLength: 1 }) })
const Reply = t.Object({ room: t.Integer(), user: t.String(), echo: t.String() })

function chatApp(events: string[] = []) {
  const session = dependency(async function* session() {
    events.push('open session')
    yield 'session-1'
    events.push('teardown')
  })
  const app = createApp({ logger: quietLogger() }).websocket(
    '/rooms/{room}',
    {
      params: t.Object({ room: t.Integer() }),
      query: t.Object({ user: t.String() }),
      deps: { session },
      receive: Chat,
      send: Reply,
    },
    async ({ params, query, deps, socket }) => {
      expectTypeOf(params.room).toEqualTypeOf<number>()
      expectTypeOf(deps.session).toEqualTypeOf<string>()
      for await (const message of socket) {
        expectTypeOf(message.text).toEqualTypeOf<string>()
        if (message.text === 'bye') return
        await socket.sendJson({ room: params.room, user: query.user, echo: message.text, extra: 1 } as never)
      }
    },
  )
  closeAfterTest(app)
  return app
}

describe('app.websocket()', () => {
  test('typed params and query, JSON in and out by the schemas, deps torn down on close', async () => {
    const events: string[] = []
    const app = chatApp(events)
    const client = await app.injectWebSocket('/rooms/7?user=ada')
    client.sendJson({ text: 'hello' })
    expect(await client.receiveJson()).toEqual({ room: 7, user: 'ada', echo: 'hello' })
    client.sendJson({ text: 'bye' })
    expect(await client.closed).toEqual({ code: 1000, reason: '' })
    for (let i = 0; i < 50 && !events.includes('teardown'); i++) await new Promise((r) => setTimeout(r, 10))
    expect(events).toEqual(['open session', 'teardown'])
  })

  test('inputs failing validation close with 1008 and the errors as the reason', async () => {
    const client = await chatApp().injectWebSocket('/rooms/abc')
    const { code, reason } = await client.closed
    expect(code).toBe(1008)
    expect(reason.length).toBeLessThanOrEqual(123)
    expect(reason).toContain('int_parsing')
  })

  test('a message failing the receive schema closes with 1008', async () => {
    const client = await chatApp().injectWebSocket('/rooms/1?user=bob')
    client.sendJson({ text: '' })
    const { code, reason } = await client.closed
    expect(code).toBe(1008)
    expect(reason).toContain('string_too_short')
  })

  test('an HTTPException closes with 1008 and its detail; an unexpected error with 1011, logged', async () => {
    const logger = quietLogger()
    const app = createApp({ logger })
      .websocket('/private', () => {
        throw new HTTPException(403, 'Not allowed')
      })
      .websocket('/broken', () => {
        throw new Error('bug')
      })
    closeAfterTest(app)
    expect(await (await app.injectWebSocket('/private')).closed).toEqual({ code: 1008, reason: 'Not allowed' })
    expect((await (await app.injectWebSocket('/broken')).closed).code).toBe(1011)
    expect(logger.errors).toHaveLength(1)
  })

  test('an unknown path refuses the upgrade with 404; HTTP routes keep working beside', async () => {
    const app = chatApp().get('/health', () => ({ ok: true }))
    await expect(app.injectWebSocket('/nowhere')).rejects.toThrow('404')
    expect((await app.inject({ url: '/health' })).json()).toEqual({ ok: true })
  })

  test('over app.listen with a plain ws client; close() ends open connections with 1001', async () => {
    const app = createApp({ logger: quietLogger() }).websocket('/echo', async ({ socket }) => {
      for (let text = await socket.receiveText(); text !== undefined; text = await socket.receiveText()) {
        await socket.sendText(text.toUpperCase())
      }
    })
    const { url } = await app.listen({ port: 0 })
    const client = new WebSocket(`${url.replace('http', 'ws')}/echo`)
    await new Promise((resolve) => client.once('open', resolve))
    const reply = new Promise((resolve) => client.once('message', (data) => resolve(data.toString())))
    client.send('shout')
    expect(await reply).toBe('SHOUT')
    const closed = new Promise((resolve) => client.once('close', (code) => resolve(code)))
    await app.close()
    expect(await closed).toBe(1001)
  })

  test("the app's deps run for WebSocket routes too: a guard closes with 1008, its teardown runs", async () => {
    const events: string[] = []
    const guard = dependency({ headers: t.Object({ 'x-token': t.Optional(t.String()) }) }, ({ headers }) => {
      if (headers['x-token'] !== 'secret') throw new HTTPException(403, 'Bad token')
    })
    const audit = dependency(async function* audit() {
      events.push('audit open')
      yield
      events.push('audit closed')
    })
    const app = createApp({ logger: quietLogger(), deps: { guard, audit } }).websocket('/feed', async ({ socket }) => {
      await socket.sendText('hello')
    })
    closeAfterTest(app)
    expect(await (await app.injectWebSocket('/feed')).closed).toEqual({ code: 1008, reason: 'Bad token' })
    const client = await app.injectWebSocket('/feed', { headers: { 'x-token': 'secret' } })
    expect(await client.receiveText()).toBe('hello')
    expect((await client.closed).code).toBe(1000)
    await expect.poll(() => events.slice(-2)).toEqual(['audit open', 'audit closed'])
  })
})
