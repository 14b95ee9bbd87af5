import type { RequestScope } from '@typefast/dependency-resolution'
import { RequestContext } from './request-context.js'
import type { HttpResponse } from './responses.js'

/**
 * The context of a request that runs under middleware: the route settles it with a response
 * object instead of writing to the socket, and what must wait until that response is sent (the
 * dependency teardown, the background tasks) is kept here for whoever finally sends it.
 */
export class CapturedContext extends RequestContext {
  /** The matched route's raw path parameters and query string, read by the innermost step. */
  pathParams: Record<string, string> = {}
  rawQuery = ''
  scope: RequestScope | undefined = undefined
  /** The error the route answered, if it failed: teardown sees it, background tasks are skipped. */
  failure: unknown = undefined
  failed = false
  #settle: ((response: HttpResponse | Promise<HttpResponse>) => void) | undefined

  /** A promise of the route's response, settled by `settle`. */
  capture(): Promise<HttpResponse> {
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
    this.#settle?.(response)
  }
}
