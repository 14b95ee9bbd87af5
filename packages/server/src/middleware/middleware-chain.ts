import type { Middleware, MiddlewareResponse } from '@typefast/router'
import { afterResponse, succeeded } from '../pipeline/after-response.js'
import type { AnswerRuntime } from '../pipeline/outcome.js'
import { type HttpResponse, isHttpResponse } from '../responses/responses.js'
import type { CapturedContext } from './captured-context.js'

/**
 * A step of the chain (the route, the app's routing, or middleware around them): the response
 * itself when it is known at once, a promise only when something had to wait. Either way it is
 * a checked `HttpResponse`; a step may also throw, which is answered as a rejection would be.
 */
export type Endpoint = (context: CapturedContext) => HttpResponse | Promise<HttpResponse>

function checked(response: MiddlewareResponse): HttpResponse {
  if (isHttpResponse(response)) return response
  throw new TypeError('A middleware must return the response of next() or one made by a response helper')
}

/** What a layer's `next()` returns: always a promise, as the API promises, and never a sync throw. */
function promised(inner: Endpoint, context: CapturedContext): Promise<HttpResponse> {
  try {
    return Promise.resolve(inner(context))
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * One layer around `inner`. No async wrapper: a layer's answer is passed on as it is (checked
 * at once, or by one `then` when it is a promise), so a layer costs its own promise and the
 * closure for its `next`, nothing more.
 */
function layered(layer: Middleware, inner: Endpoint): Endpoint {
  return (context) => {
    const answer = layer(context.request, () => promised(inner, context))
    return isHttpResponse(answer) ? answer : Promise.resolve(answer).then(checked)
  }
}

/** Wrap `endpoint` in `middleware`, the first outermost. Composed once at start-up. */
export function composeMiddleware(middleware: readonly Middleware[], endpoint: Endpoint): Endpoint {
  let chain = endpoint
  for (let index = middleware.length - 1; index >= 0; index--) chain = layered(middleware[index]!, chain)
  return chain
}

/** The after-response step of a captured request, seeing the route's failure or the stream's. */
export function after(context: CapturedContext, runtime: AnswerRuntime, streamError: unknown = succeeded): void {
  const failure = streamError !== succeeded ? streamError : context.failed ? context.failure : succeeded
  afterResponse(context, context.scope, runtime.onBackgroundError, failure)
}

/** Send the final response, then the after-response work (at once, or after its last byte). */
export function deliver(context: CapturedContext, runtime: AnswerRuntime, response: HttpResponse): void {
  let sent: void | Promise<void>
  try {
    sent = response.send(context.res)
  } catch (error) {
    runtime.handleError(error, context)
    after(context, runtime, error)
    return
  }
  if (sent === undefined) after(context, runtime)
  else
    sent.then(
      () => after(context, runtime),
      (error) => {
        runtime.handleError(error, context)
        after(context, runtime, error)
      },
    )
}

/** A middleware threw (or returned something that is not a response): answered as any error. */
function failed(context: CapturedContext, runtime: AnswerRuntime, error: unknown): void {
  context.failed = true
  context.failure ??= error
  Promise.resolve(runtime.respondError(error, context)).then((response) => deliver(context, runtime, response))
}

/**
 * Run a captured request through its chain and deliver its final response: synchronously when
 * the chain answered at once, else when its promise settles.
 */
export function serveCaptured(context: CapturedContext, chain: Endpoint, runtime: AnswerRuntime): void {
  let answer: HttpResponse | Promise<HttpResponse>
  try {
    answer = chain(context)
  } catch (error) {
    failed(context, runtime, error)
    return
  }
  if (isHttpResponse(answer)) deliver(context, runtime, answer)
  else
    answer.then(
      (response) => deliver(context, runtime, response),
      (error) => failed(context, runtime, error),
    )
}
