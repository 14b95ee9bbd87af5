import { get, router, websocket } from '@typefast/router'
import { createApp } from '@typefast/server'
import { describe, expectTypeOf, test } from 'vitest'
import { createClient } from './create-client.js'
import type { EndpointsOf } from './endpoints-of.js'

// WebSocket routes are not operations (FastAPI leaves them out of OpenAPI too): the typed client
// has only the HTTP endpoints, whether the WebSocket routes come from a router, app.add or app.websocket.
const app = createApp()
  .include(
    router(
      { prefix: '/chat' },
      get('/rooms', () => ['lobby']),
      websocket('/rooms/{room}', () => undefined),
    ),
  )
  .add(websocket('/added', () => undefined))
  .websocket('/sugar', () => undefined)

describe('the typed client ignores WebSocket routes', () => {
  test('EndpointsOf<typeof app> holds only the HTTP routes', () => {
    expectTypeOf<keyof EndpointsOf<typeof app>>().toEqualTypeOf<'GET /chat/rooms'>()
  })

  test('createClient<typeof app> cannot call a WebSocket path', () => {
    const client = createClient<typeof app>('http://localhost')
    client.get('/chat/rooms')
    // @ts-expect-error a WebSocket route is no endpoint
    client.get('/chat/rooms/{room}', { params: { room: '1' } })
    // @ts-expect-error nor one added with app.add
    client.get('/added')
  })
})
