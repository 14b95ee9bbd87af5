import { dependency } from '@typefast/dependency-resolution'
import { get, PathParamWithoutSchemaError, router, websocket } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { FetchWebSocketError } from '../errors.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { closeAfterTest, quietLogger } from '../test-support.js'

// Checked against FastAPI 0.142.2 (APIRouter(prefix, dependencies=[...]) with @router.websocket):
// the app's dependencies run first, then the router's, torn down in reverse when the connection
// ends; a router dependency's invalid input closes with 1008 and the errors.
const guard = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => {
  if (headers['x-token'] !== 'secret') throw new HTTPException(403, 'Bad token')
})

function chatApp(events: string[]) {
  const audit = dependency(async function* audit() {
    events.push('app open')
    yield
    events.push('app closed')
  })
  const membership = dependency(async function* membership() {
    events.push('router open')
    yield
    events.push('router closed')
  })
  const chat = router(
    { prefix: '/chat', tags: ['chat'], deps: { membership, guard } },
    get('/rooms', () => ['lobby']),
    websocket('/rooms/{room}', { params: t.Object({ room: t.Integer() }) }, async ({ params, socket }) => {
      events.push('handler')
      await socket.sendJson({ room: params.room })
    }),
  )
  const app = createApp({ logger: quietLogger(), deps: { audit } }).include(router({ prefix: '/v1' }, chat))
  closeAfterTest(app)
  return app
}

const token = { headers: { 'x-token': 'secret' } }

describe('WebSocket routes in routers', () => {
  test('get the routers’ prefixes; app and router deps run in order and are torn down in reverse', async () => {
    const events: string[] = []
    const client = await chatApp(events).injectWebSocket('/v1/chat/rooms/7', token)
    expect(await client.receiveJson()).toEqual({ room: 7 })
    expect((await client.closed).code).toBe(1000)
    await expect.poll(() => events).toEqual(['app open', 'router open', 'handler', 'router closed', 'app closed'])
  })

  test('the path without the prefix is no WebSocket route', async () => {
    await expect(chatApp([]).injectWebSocket('/rooms/7', token)).rejects.toThrow('404')
  })

  test('a router dep raising HTTPException closes with 1008 and its detail; the handler does not run', async () => {
    const events: string[] = []
    const client = await chatApp(events).injectWebSocket('/v1/chat/rooms/7', { headers: { 'x-token': 'nope' } })
    expect(await client.closed).toEqual({ code: 1008, reason: 'Bad token' })
    expect(events).not.toContain('handler')
  })

  test('a router dep’s input failing validation closes with 1008 and the errors, as the app-level case', async () => {
    const events: string[] = []
    const { code, reason } = await (await chatApp(events).injectWebSocket('/v1/chat/rooms/7')).closed
    expect(code).toBe(1008)
    expect(JSON.parse(reason)).toEqual([
      { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
    ])
    expect(events).toEqual([])
  })

  test('app.add takes a WebSocket route value; app.websocket keeps working beside', async () => {
    const app = createApp({ logger: quietLogger() })
      .add(websocket('/added', ({ socket }) => socket.sendText('added')))
      .websocket('/sugar', ({ socket }) => socket.sendText('sugar'))
    closeAfterTest(app)
    expect(await (await app.injectWebSocket('/added')).receiveText()).toBe('added')
    expect(await (await app.injectWebSocket('/sugar')).receiveText()).toBe('sugar')
  })

  test('they stay out of the OpenAPI document; the router’s HTTP routes stay in', () => {
    expect(Object.keys(chatApp([]).openapi().paths ?? {})).toEqual(['/v1/chat/rooms'])
  })

  test('a dependency override reaches a router dep', async () => {
    const app = chatApp([]).overrideDependency(
      guard,
      dependency(() => undefined),
    )
    expect(await (await app.injectWebSocket('/v1/chat/rooms/7')).receiveJson()).toEqual({ room: 7 })
  })

  test('start-up errors name the full path: a params schema missing a prefix parameter', () => {
    const app = createApp().include(
      router(
        { prefix: '/teams/{team}' },
        websocket('/ws', { params: t.Object({}) }, () => undefined),
      ),
    )
    expect(() => app.ready()).toThrow(PathParamWithoutSchemaError)
    expect(() => app.ready()).toThrow("WEBSOCKET /teams/{team}/ws: path parameter 'team'")
  })

  test('app.fetch refuses an app whose routers hold WebSocket routes, naming them', async () => {
    await expect(chatApp([]).fetch(new Request('http://x/v1/chat/rooms'))).rejects.toThrow(FetchWebSocketError)
    await expect(chatApp([]).fetch(new Request('http://x/v1/chat/rooms'))).rejects.toThrow('/v1/chat/rooms/{room}')
  })
})
