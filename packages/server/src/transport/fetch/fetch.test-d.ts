import { createApp } from '@typefast/server'
import { expectTypeOf, test } from 'vitest'
import { type LambdaHttpEvent, type LambdaHttpResult, toLambdaHandler } from './lambda.js'

test('app.fetch is a web fetch handler; toLambdaHandler takes any app', () => {
  const app = createApp().get('/', () => ({ ok: true }))
  expectTypeOf(app.fetch).toEqualTypeOf<(request: Request) => Promise<Response>>()
  expectTypeOf(toLambdaHandler(app)).toEqualTypeOf<(event: LambdaHttpEvent) => Promise<LambdaHttpResult>>()
  // @ts-expect-error: a handler needs a fetch method
  toLambdaHandler({ listen() {} })
})
