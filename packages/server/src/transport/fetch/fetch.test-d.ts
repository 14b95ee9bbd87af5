import { createApp } from '@typefast/server'
import { expectTypeOf, test } from 'vitest'
import type { FetchExecutionContext } from './fetch-handler.js'
import { type LambdaHttpEvent, type LambdaHttpResult, toLambdaHandler } from './lambda.js'

test('app.fetch is a web fetch handler; toLambdaHandler takes any app', () => {
  const app = createApp().get('/', () => ({ ok: true }))
  expectTypeOf(app.fetch).toEqualTypeOf<
    (request: Request, env?: unknown, context?: FetchExecutionContext) => Promise<Response>
  >()
  // Workers' module form: `export default { fetch: app.fetch }` is called with (request, env, ctx).
  expectTypeOf(app.fetch).toBeCallableWith(new Request('http://x/'), {}, { waitUntil(_promise: Promise<unknown>) {} })
  expectTypeOf(toLambdaHandler(app)).toEqualTypeOf<(event: LambdaHttpEvent) => Promise<LambdaHttpResult>>()
  // @ts-expect-error: a handler needs a fetch method
  toLambdaHandler({ listen() {} })
})
