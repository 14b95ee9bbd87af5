import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { FetchIncomingMessage } from './fetch-request.js'
import { FetchServerResponse } from './fetch-response.js'

/** What Cloudflare Workers pass a fetch handler third: `waitUntil` keeps the request's context alive. */
export interface FetchExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

/**
 * Serve a web `Request` with the app's node:http listener (its routing, validation, dependencies,
 * middleware and exception handlers, unchanged) and resolve to the web `Response` it wrote. The
 * request's signal is the client's disconnect: it ends the request and the response as a closed
 * socket does on node, so streams (SSE, JSON Lines) end and dependency teardown runs. With a
 * `context` (Workers), the work after the response is handed to its `waitUntil`: Workers stop a
 * request's timers once its response is sent or its client left, which would cut that work short.
 */
export function serveFetch(
  listener: RequestListener,
  request: Request,
  context?: Partial<FetchExecutionContext>,
): Promise<Response> {
  const req = new FetchIncomingMessage(request)
  const res = new FetchServerResponse(req)
  if (typeof context?.waitUntil === 'function') context.waitUntil(afterResponseDone(req, res))
  endOnAbort(request.signal, res, () => {
    req.destroy()
    res.destroy()
  })
  listener(req as unknown as IncomingMessage, res as unknown as ServerResponse)
  return res.response
}

/** Run `disconnect` if the client leaves (the request's signal aborts) before `res` is closed. */
export function endOnAbort(signal: AbortSignal, res: FetchServerResponse, disconnect: () => void): void {
  if (signal.aborted) disconnect()
  else {
    signal.addEventListener('abort', disconnect, { once: true })
    res.once('close', () => signal.removeEventListener('abort', disconnect))
  }
}

/**
 * Settles once the request's after-response work has: a routed request hands it over when its
 * response is sent, or, if the client left, once its handler and stream have ended; an answer
 * that closed with no route behind it (a 404, the docs) has none to wait for.
 */
function afterResponseDone(req: FetchIncomingMessage, res: FetchServerResponse): Promise<void> {
  return new Promise((resolve) => {
    req.afterResponse = (work) => resolve(work)
    res.once('close', () => {
      if (res.writableFinished) setTimeout(resolve, 0)
    })
  })
}
