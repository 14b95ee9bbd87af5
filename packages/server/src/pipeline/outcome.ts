import type { RequestScope } from '@typefast/dependency-resolution/internal'
import type { CapturedContext } from '../middleware/captured-context.js'
import type { HttpResponse } from '../responses/responses.js'
import type { ResultAnswer } from '../responses/result-answer.js'
import { afterResponse } from './after-response.js'
import type { RequestContext } from './request-context.js'

/** How a route's run ends: with the handler's value, or with an error. Chosen at start-up. */
export interface Outcome {
  finish(context: RequestContext, value: unknown, scope: RequestScope | undefined): void
  fail(context: RequestContext, error: unknown, scope: RequestScope | undefined): void
}

/** What the app gives every route for answering errors and for after the response. */
export interface AnswerRuntime {
  /** Answer an error on the socket (the app's exception handlers); never throws. */
  handleError(error: unknown, context: RequestContext): void
  /** The answer to an error as a response object (the app's exception handlers). */
  respondError(error: unknown, context: RequestContext): HttpResponse | Promise<HttpResponse>
  onBackgroundError(error: unknown, taskName: string): void
}

/** The direct path: the answer is written to the socket, then the after-response step runs. */
export function socketOutcome(answer: ResultAnswer<void | Promise<void>>, runtime: AnswerRuntime): Outcome {
  const { onBackgroundError } = runtime
  function fail(context: RequestContext, error: unknown, scope: RequestScope | undefined): void {
    runtime.handleError(error, context)
    afterResponse(context, scope, onBackgroundError, error)
  }
  function finish(context: RequestContext, value: unknown, scope: RequestScope | undefined): void {
    let sent: void | Promise<void>
    try {
      sent = answer(context, value)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    if (sent === undefined) afterResponse(context, scope, onBackgroundError)
    // A streamed answer: background tasks and teardown wait for its last byte.
    else
      sent.then(
        () => afterResponse(context, scope, onBackgroundError),
        (error) => fail(context, error, scope),
      )
  }
  return { finish, fail }
}

/**
 * The response-object path (middleware, or a transport that takes response objects): the route
 * settles its context with the final response; whoever sends it runs the after-response step.
 */
export function responseOutcome(answer: ResultAnswer<HttpResponse>, runtime: AnswerRuntime): Outcome {
  function fail(context: RequestContext, error: unknown, scope: RequestScope | undefined): void {
    ;(context as CapturedContext).settle(runtime.respondError(error, context), scope, error)
  }
  function finish(context: RequestContext, value: unknown, scope: RequestScope | undefined): void {
    let response: HttpResponse
    try {
      response = answer(context, value)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    ;(context as CapturedContext).settle(response, scope)
  }
  return { finish, fail }
}
