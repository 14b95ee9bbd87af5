import { dependency } from '@typefast/dependency-resolution'
import type { WebSocketControl } from '@typefast/http'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import { get } from './route.js'
import { type RoutesOf, router } from './router.js'
import { websocket } from './websocket.js'

const session = dependency(() => ({ id: 1 }))
const guard = dependency({ headers: t.Object({ 'x-token': t.String() }) }, () => undefined)

describe('a WebSocket handler is typed by its spec', () => {
  test('params, query, headers, cookies and deps as on an HTTP route; the socket by receive and send', () => {
    router(
      { prefix: '/chat/{team}', deps: { guard } },
      websocket(
        '/rooms/{room}',
        {
          params: t.Object({ team: t.String(), room: t.Integer() }),
          query: t.Object({ user: t.Optional(t.String()) }),
          headers: t.Object({ 'x-client': t.String() }),
          cookies: t.Object({ sid: t.String() }),
          deps: { session },
          receive: t.Object({ text: t.String() }),
          send: t.Object({ echo: t.String() }),
        },
        async ({ params, query, headers, cookies, deps, socket }) => {
          expectTypeOf(params).toEqualTypeOf<{ team: string; room: number }>()
          expectTypeOf(query.user).toEqualTypeOf<string | undefined>()
          expectTypeOf(headers['x-client']).toEqualTypeOf<string>()
          expectTypeOf(cookies.sid).toEqualTypeOf<string>()
          expectTypeOf(deps.session).toEqualTypeOf<{ id: number }>()
          expectTypeOf(socket).toEqualTypeOf<WebSocketControl<{ text: string }, { echo: string }>>()
          for await (const message of socket) await socket.sendJson({ echo: message.text })
          // @ts-expect-error the send schema has no `text`
          await socket.sendJson({ text: 'x' })
          // @ts-expect-error a router's deps run but their values are not passed, as on HTTP routes
          deps.guard
        },
      ),
    )
  })

  test('without a spec: path parameters are strings, messages unknown', () => {
    websocket('/ws/{id}', ({ params, socket }) => {
      expectTypeOf(params).toEqualTypeOf<{ id: string }>()
      expectTypeOf(socket.receiveJson()).resolves.toEqualTypeOf<unknown>()
      // @ts-expect-error not a parameter of the path
      params.other
    })
  })

  test('a router carries only its HTTP routes in its type: WebSocket routes are no endpoints', () => {
    const mixed = router(
      { prefix: '/api' },
      get('/health', () => ({ ok: true })),
      websocket('/ws', () => undefined),
    )
    expectTypeOf<RoutesOf<typeof mixed>['path']>().toEqualTypeOf<'/api/health'>()
  })
})
