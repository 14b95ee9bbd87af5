import { dependency } from '@typefast/dependency-resolution'
import { get, post, type Route, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import { createApp } from './app.js'

type RouteKeys<R> = R extends Route<infer M, infer P, any> ? `${M} ${P}` : never

describe('the app type carries its routes', () => {
  test('include, add and sugar accumulate routes with full paths', () => {
    const items = router(
      { prefix: '/items' },
      get('/{item_id}', () => ({})),
      post('/', () => ({})),
    )
    const app = createApp()
      .include(items)
      .add(get('/health', () => 'ok'))
      .get('/', () => ({ message: 'Hello World' }))
      .delete('/items/{item_id}', () => null)
    expectTypeOf<RouteKeys<NonNullable<(typeof app)['~routes']>>>().toEqualTypeOf<
      'GET /items/{item_id}' | 'POST /items' | 'GET /health' | 'GET /' | 'DELETE /items/{item_id}'
    >()
  })

  test('sugar methods infer handler inputs and check results', () => {
    const pagination = dependency(
      { query: t.Object({ skip: t.Integer({ default: 0 }), limit: t.Integer({ default: 10 }) }) },
      ({ query }) => ({ skip: query.skip, limit: query.limit }),
    )
    createApp().get('/items', { deps: { page: pagination }, response: t.Array(t.String()) }, ({ deps }) => {
      expectTypeOf(deps.page).toEqualTypeOf<{ skip: number; limit: number }>()
      return ['a']
    })
    // @ts-expect-error the response schema is an array of strings
    createApp().get('/items', { response: t.Array(t.String()) }, () => [1])
    createApp().post('/items', { body: t.Object({ name: t.String() }) }, ({ body, response }) => {
      expectTypeOf(body.name).toEqualTypeOf<string>()
      response.status = 201
      return body
    })
  })
})

describe('webhooks', () => {
  test('are routes or routers, typed as routes are, and add nothing to the app type', () => {
    const Subscription = t.Object({ username: t.String() })
    const app = createApp({
      webhooks: [
        post('/new-subscription', { body: Subscription }, function newSubscription({ body }) {
          expectTypeOf(body).toEqualTypeOf<{ username: string }>()
        }),
        router(
          { tags: ['billing'] },
          post('/invoice-paid', function invoicePaid() {}),
        ),
      ],
    })
    expectTypeOf(app).toEqualTypeOf(createApp())
    // @ts-expect-error a webhook is declared as a route, not named by a string
    createApp({ webhooks: ['new-subscription'] })
  })
})
