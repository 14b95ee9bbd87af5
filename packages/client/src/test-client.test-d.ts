import { get } from '@typefast/router'
import { createApp } from '@typefast/server'
import { t } from '@typefast/validation'
import { describe, expectTypeOf, test } from 'vitest'
import { createClient } from './create-client.js'
import type { EndpointsOf } from './endpoints-of.js'
import { testClient } from './test-client.js'

const app = createApp().add(
  get(
    '/items/{id}',
    {
      params: t.Object({ id: t.Integer() }),
      response: t.Object({ name: t.String() }),
      responses: { 403: { description: 'Forbidden', schema: t.Object({ reason: t.String() }) }, 418: {} },
    },
    () => ({ name: 'x' }),
  ),
)

describe('testClient(app)', () => {
  test('has the same typed surface as createClient<typeof app>', () => {
    const inProcess = testClient(app)
    const overSocket = createClient<typeof app>('http://localhost')
    expectTypeOf(inProcess).toEqualTypeOf(overSocket)
    expectTypeOf(inProcess).toHaveProperty(Symbol.asyncDispose)
  })

  test('documented responses add their statuses; one without a schema is unknown', async () => {
    const r = await testClient(app).get('/items/{id}', { params: { id: 1 } })
    if (r.status === 403) expectTypeOf(r.data).toEqualTypeOf<{ reason: string }>()
    if (r.status === 418) expectTypeOf(r.data).toEqualTypeOf<unknown>()
    if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<{ name: string }>()
  })

  test('raw keeps the status union, with an unread body', async () => {
    const r = await testClient(app).raw('GET', '/items/{id}', { params: { id: 1 } })
    expectTypeOf<200 | 403 | 418 | 422>().toMatchTypeOf<typeof r.status>()
    expectTypeOf(r.body.text).returns.toEqualTypeOf<Promise<string>>()
  })

  test('typed by an endpoint map, as a large app declares it: the same surface', () => {
    interface Api extends EndpointsOf<typeof app> {}
    expectTypeOf(testClient<Api>(app)).toEqualTypeOf(createClient<Api>('http://localhost'))
    // @ts-expect-error the path is checked against the map
    testClient<Api>(app).get('/items')
    // @ts-expect-error it still takes an app
    testClient<Api>({})
  })

  test('anything but an app is refused', () => {
    // @ts-expect-error not an app
    testClient(42)
  })

  test('call options are checked too', () => {
    // @ts-expect-error signal must be an AbortSignal
    testClient(app).get('/items/{id}', { params: { id: 1 }, signal: 'x' })
    testClient(app).get('/items/{id}', { params: { id: 1 }, timeout: 10, headers: { 'x-any': '1' } })
  })
})
