import type { Middleware, MiddlewareResponse } from '@typefast/router'
import type { CapturedContext } from './captured-context.js'
import { type HttpResponse, isHttpResponse } from './responses.js'

/** The innermost step: the route (or the app's routing) answering a captured request. */
export type Endpoint = (context: CapturedContext) => Promise<HttpResponse>

function checked(response: MiddlewareResponse): HttpResponse {
  if (isHttpResponse(response)) return response
  throw new TypeError('A middleware must return the response of next() or one made by a response helper')
}

/**
 * Wrap `endpoint` in `middleware`, the first outermost. Composed once at start-up; per request
 * each layer costs one closure for its `next`.
 */
export function composeMiddleware(middleware: readonly Middleware[], endpoint: Endpoint): Endpoint {
  let chain = endpoint
  for (let index = middleware.length - 1; index >= 0; index--) {
    const layer = middleware[index]!
    const inner = chain
    chain = async (context) => checked(await layer(context.request, () => inner(context)))
  }
  return chain
}

export interface DeliveryRuntime {
  /** The answer to an error (the app's exception handlers). */
  respondError(error: unknown, context: CapturedContext): HttpResponse | Promise<HttpResponse>
  /** Report an error once the response has started (logged, connection cut). */
  handleError(error: unknown, context: CapturedContext): void
  onBackgroundError(error: unknown, taskName: string): void
}

/** After the last byte: background tasks (unless the route failed), then dependency teardown. */
export function afterCaptured(context: CapturedContext, runtime: DeliveryRuntime, streamError?: unknown): void {
  const { scope } = context
  if (streamError !== undefined || context.failed) {
    void scope?.close(streamError ?? context.failure)
    return
  }
  const tasks = context.backgroundTasks()
  if (tasks === undefined) {
    void scope?.close()
    return
  }
  void tasks.run(runtime.onBackgroundError).then(() => scope?.close())
}

/** Run a captured request through its chain, send the final response, then the after-response work. */
export function serveCaptured(context: CapturedContext, chain: Endpoint, runtime: DeliveryRuntime): void {
  const deliver = (response: HttpResponse) => {
    let sent: void | Promise<void>
    try {
      sent = response.send(context.res)
    } catch (error) {
      runtime.handleError(error, context)
      afterCaptured(context, runtime, error)
      return
    }
    if (sent === undefined) afterCaptured(context, runtime)
    else
      sent.then(
        () => afterCaptured(context, runtime),
        (error) => {
          runtime.handleError(error, context)
          afterCaptured(context, runtime, error)
        },
      )
  }
  chain(context).then(deliver, (error) => {
    // A middleware threw (or returned something that is not a response): answered as any error.
    context.failed = true
    context.failure ??= error
    Promise.resolve(runtime.respondError(error, context)).then(deliver)
  })
}
