import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { FetchIncomingMessage } from './fetch-request.js'
import { FetchServerResponse } from './fetch-response.js'

/**
 * Serve a web `Request` with the app's node:http listener (its routing, validation, dependencies,
 * middleware and exception handlers, unchanged) and resolve to the web `Response` it wrote. The
 * request's signal is the client's disconnect: it ends the request and the response as a closed
 * socket does on node, so streams (SSE, JSON Lines) end and dependency teardown runs.
 */
export function serveFetch(listener: RequestListener, request: Request): Promise<Response> {
  const req = new FetchIncomingMessage(request)
  const res = new FetchServerResponse(req)
  const { signal } = request
  const disconnect = () => {
    req.destroy()
    res.destroy()
  }
  if (signal.aborted) disconnect()
  else {
    signal.addEventListener('abort', disconnect, { once: true })
    res.once('close', () => signal.removeEventListener('abort', disconnect))
  }
  listener(req as unknown as IncomingMessage, res as unknown as ServerResponse)
  return res.response
}
