import type { OutgoingHttpHeader } from 'node:http'
import { HttpResponse, noBodyStatuses } from '../../responses/responses.js'
import { safeHeaderValue } from '../header-values.js'
import { lengthedResponse } from './length-on-read.js'

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
 * An answer's headers as a web `Response` takes them: a plain record (cheaper for the platform
 * than a `Headers` built call by call), with a header given as a list of values (`set-cookie`)
 * appended value by value. Set as `setWebHeader` sets them: the last value for a name wins.
 */
function webHeaders(source: Record<string, string | string[]>, contentLength: number | undefined) {
  const record: Record<string, string> = {}
  let lists: Map<string, string[]> | undefined
  for (const name in source) {
    const value = source[name]!
    const lower = name.toLowerCase()
    if (connectionHeaders.has(lower)) continue
    if (Array.isArray(value)) {
      delete record[lower]
      ;(lists ??= new Map()).set(lower, value)
    } else {
      lists?.delete(lower)
      record[lower] = safeHeaderValue(String(value))
    }
  }
  if (contentLength !== undefined) {
    lists?.delete('content-length')
    record['content-length'] = String(contentLength)
  }
  const typed = 'content-type' in record || lists?.has('content-type') === true
  if (lists === undefined) return { headers: record, typed }
  const headers = new Headers(record)
  for (const [lower, values] of lists) setWebHeader(headers, lower, values)
  return { headers, typed }
}

/**
 * An answer sent whole as the web `Response` that `HttpResponse.send` would write through
 * `FetchServerResponse`: its headers, the body's length, no body for HEAD or a body-less status.
 */
export function wholeWebResponse(response: HttpResponse, method: string): Response {
  const { status, body } = response
  if (body === undefined || noBodyStatuses.has(status)) {
    return new Response(null, { status, headers: webHeaders(response.headers, undefined).headers })
  }
  const { headers, typed } = webHeaders(response.headers, Buffer.byteLength(body))
  if (method === 'HEAD') return new Response(null, { status, headers })
  // Text as its UTF-8 bytes; given as a string without a content type, the platform would add text/plain.
  if (typeof body === 'string' && !typed) return new Response(Buffer.from(body), { status, headers })
  if (headers instanceof Headers) return new Response(body, { status, headers })
  return lengthedResponse(body, status, headers)
}
