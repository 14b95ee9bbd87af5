import type { RequestScope } from '@typefast/dependency-resolution/internal'
import { RequestContext } from '../pipeline/request-context.js'
import type { HttpResponse } from '../responses/responses.js'

/** The path parameters until the route sets them: shared, so a request allocates none. */
const noParams: Record<string, string> = Object.freeze({}) as Record<string, string>

/**
 * The context of a request that runs under middleware: the route settles it with a response
 * object instead of writing to the socket, and what must wait until that response is sent (the
 * dependency teardown, the background tasks) is kept here for whoever finally sends it.
 */
export class CapturedContext extends RequestContext {
  /** The matched route's raw path parameters and query string, read by the innermost step. */
  pathParams: Record<string, string> = noParams
  rawQuery = ''
  scope: RequestScope | undefined = undefined
  /** The error the route answered, if it failed: teardown sees it, background tasks are skipped. */
  failure: unknown = undefined
  failed = false
  /** The route's answer when it settled before anyone asked for it (a synchronous route). */
  #answer: HttpResponse | Promise<HttpResponse> | undefined = undefined
  #settle: ((response: HttpResponse | Promise<HttpResponse>) => void) | undefined = undefined

  /**
   * The route's response, asked for once the route has run: the answer itself when it settled
   * synchronously (no promise is made for it), else a promise settled later by `settle`.
   */
  captured(): HttpResponse | Promise<HttpResponse> {
    const answer = this.#answer
    if (answer !== undefined) {
      this.#answer = undefined
      return answer
    }
    return new Promise((resolve) => {
      this.#settle = resolve
    })
  }

  settle(response: HttpResponse | Promise<HttpResponse>, scope: RequestScope | undefined, error?: unknown): void {
    this.scope = scope
    if (error !== undefined) {
      this.failed = true
      this.failure = error
    }
    const settle = this.#settle
    if (settle === undefined) this.#answer = response
    else {
      this.#settle = undefined
      settle(response)
    }
  }
}
