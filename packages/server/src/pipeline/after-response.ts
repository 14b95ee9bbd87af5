import type { RequestScope } from '@typefast/dependency-resolution/internal'
import type { RequestContext } from './request-context.js'

/** Marks "the request did not fail" (an error may be any value, `undefined` included). */
export const succeeded: unique symbol = Symbol('succeeded')

/**
 * The one after-response step, run once the last byte is handed to the socket (or the
 * WebSocket is closed): the background tasks in order, unless the request failed, then the
 * dependency teardown, which sees the failure. Every way a request ends calls this.
 */
export function afterResponse(
  context: RequestContext,
  scope: RequestScope | undefined,
  onBackgroundError: (error: unknown, taskName: string) => void,
  failure: unknown = succeeded,
): void {
  const tasks = context.backgroundTasks()
  const work =
    failure !== succeeded || tasks === undefined
      ? scope?.close(failure === succeeded ? undefined : failure)
      : tasks.run(onBackgroundError).then(() => scope?.close())
  // A request that came in through app.fetch hands this work on to its platform (Workers' waitUntil).
  ;(context.req as { afterResponse?: (work: void | Promise<void>) => void }).afterResponse?.(work)
}
