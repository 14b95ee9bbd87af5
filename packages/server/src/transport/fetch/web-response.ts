import type { OutgoingHttpHeader } from 'node:http'
import { HttpResponse, noBodyStatuses } from '../../responses/responses.js'
import { safeHeaderValue } from '../header-values.js'

/** Connection-level headers: the platform owns the connection (and HTTP/2 forbids them). */
const connectionHeaders: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'transfer-encoding'])

/**
 * Set a header of a web answer as node's `setHeader` sets it: the last value for a name wins, a
 * list sends each value; characters node refuses are percent-encoded, connection headers left out.
 */
export function setWebHeader(headers: Headers, name: string, value: OutgoingHttpHeader): void {
  const lower = name.toLowerCase()
  if (connectionHeaders.has(lower)) return
  if (Array.isArray(value)) {
    headers.delete(lower)
    for (const each of value) headers.append(lower, safeHeaderValue(String(each)))
  } else headers.set(lower, safeHeaderValue(String(value)))
}

/** True for an answer sent whole, as `HttpResponse.send` sends it; streams, SSE and files send their own way. */
export function sentWhole(response: HttpResponse): boolean {
  return response.send === HttpResponse.prototype.send
}

/**
 * An answer sent whole as the web `Response` that `HttpResponse.send` would write through
 * `FetchServerResponse`: its headers, the body's length, no body for HEAD or a body-less status.
 */
export function wholeWebResponse(response: HttpResponse, method: string): Response {
  const { status, body } = response
  const headers = new Headers()
  for (const name in response.headers) setWebHeader(headers, name, response.headers[name]!)
  if (body === undefined || noBodyStatuses.has(status)) return new Response(null, { status, headers })
  headers.set('content-length', String(Buffer.byteLength(body)))
  if (method === 'HEAD') return new Response(null, { status, headers })
  // Text as its UTF-8 bytes; given as a string without a content type, the platform would add text/plain.
  const bytes = typeof body === 'string' && !headers.has('content-type') ? Buffer.from(body) : body
  return new Response(bytes, { status, headers })
}
