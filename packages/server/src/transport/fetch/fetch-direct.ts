import type { IncomingMessage, RequestListener } from 'node:http'
import type { Dispatcher } from '../../dispatch/dispatcher.js'
import { stripRootPath } from '../../dispatch/mount.js'
import { after, deliver } from '../../middleware/middleware-chain.js'
import type { AnswerRuntime } from '../../pipeline/outcome.js'
import { type HttpResponse, isHttpResponse } from '../../responses/responses.js'
import { FetchContext } from './fetch-context.js'
import { endOnAbort, type FetchExecutionContext, serveFetch } from './fetch-handler.js'
import { FetchRequestHead } from './fetch-head.js'
import { FetchServerResponse } from './fetch-response.js'
import { sentWhole, wholeWebResponse } from './web-response.js'

/** The compiled app's parts app.fetch serves with. */
export interface FetchTarget {
  readonly dispatcher: Dispatcher
  readonly runtime: AnswerRuntime
}

type Answer = Response | Promise<Response>

/**
 * Serve a web `Request` with no node stream in between, the common case: the route answers with
 * a response object (the pipeline's response-object path, the app's middleware around it) and
 * that becomes the web `Response`; its body, if the route reads one, is read with the web API.
 * An answer that streams (a stream, SSE, JSON Lines, a file) is written to a `FetchServerResponse`,
 * made for it alone. A request that needs a node request stream (a form, a mounted app) is served
 * as before, by `serveFetch` on the app's node:http `listener`. `rootPath` is the prefix a proxy
 * may leave on the path, stripped before routing as the listener strips it.
 */
export function serveFetchDirect(
  target: FetchTarget,
  rootPath: string,
  listener: RequestListener,
  request: Request,
  platform?: Partial<FetchExecutionContext>,
): Promise<Response> {
  const head = new FetchRequestHead(request)
  if (rootPath !== '') stripRootPath(head as unknown as IncomingMessage, rootPath)
  const context = new FetchContext(head)
  const { runtime } = target
  let answer: HttpResponse | Promise<HttpResponse> | undefined
  try {
    answer = target.dispatcher.respondDirect(context)
  } catch (error) {
    answer = failure(context, runtime, error)
  }
  if (answer === undefined) return serveFetch(listener, request, platform)
  if (typeof platform?.waitUntil === 'function') {
    platform.waitUntil(
      new Promise((resolve) => {
        head.afterResponse = resolve
      }),
    )
  }
  if (isHttpResponse(answer)) return Promise.resolve(send(context, runtime, answer, request))
  return answer.then(
    (response) => send(context, runtime, response, request),
    (error) => sendFailure(context, runtime, error, request),
  )
}

/** A middleware or route that threw: answered by the exception handlers, as `serveCaptured` answers it. */
function failure(context: FetchContext, runtime: AnswerRuntime, error: unknown): HttpResponse | Promise<HttpResponse> {
  context.failed = true
  context.failure ??= error
  return runtime.respondError(error, context)
}

function sendFailure(context: FetchContext, runtime: AnswerRuntime, error: unknown, request: Request): Answer {
  const answer = failure(context, runtime, error)
  return isHttpResponse(answer)
    ? send(context, runtime, answer, request)
    : answer.then((r) => send(context, runtime, r, request))
}

/**
 * The final response as a web `Response`, then the after-response work (at once, or after a
 * stream's last byte). Only a stream listens for the client leaving: the platforms make a
 * request's `signal` when it is first read, at a cost.
 */
function send(context: FetchContext, runtime: AnswerRuntime, response: HttpResponse, request: Request): Answer {
  if (!sentWhole(response)) {
    const res = new FetchServerResponse(context.head)
    endOnAbort(request.signal, res, () => res.destroy())
    context.streamTo(res)
    deliver(context, runtime, response)
    return res.response
  }
  let web: Response
  try {
    web = wholeWebResponse(response, context.head.method)
  } catch (error) {
    // As on node, where writing the answer failed: the error's answer, and the work after it sees the error.
    after(context, runtime, error)
    return wholeError(context, runtime, error)
  }
  after(context, runtime)
  return web
}

async function wholeError(context: FetchContext, runtime: AnswerRuntime, error: unknown): Promise<Response> {
  return wholeWebResponse(await runtime.respondError(error, context), context.head.method)
}
