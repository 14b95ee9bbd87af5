import type { HeaderValues } from './client-types.js'
import { fillPath } from './path.js'
import { serializeQuery } from './query.js'
import type { OutgoingRequest } from './transport.js'

/** The options of one call as the runtime sees them (the types have done their checking). */
export interface CallInput {
  params?: Record<string, unknown>
  query?: Record<string, unknown>
  headers?: HeaderValues
  cookies?: Record<string, unknown>
  body?: unknown
  signal?: AbortSignal
  timeout?: number
}

/** Build the request: path filled, query serialized, headers lower-cased, cookies and JSON body encoded. */
export function outgoingRequest(
  method: string,
  template: string,
  input: CallInput = {},
  defaultHeaders: HeaderValues = {},
): OutgoingRequest {
  const headers: Record<string, string | string[]> = {}
  addHeaders(headers, defaultHeaders)
  addHeaders(headers, input.headers)
  const cookie = cookieHeader(input.cookies)
  if (cookie) headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie
  const request: OutgoingRequest = {
    method,
    path: fillPath(template, input.params) + serializeQuery(input.query),
    headers,
    signal: input.signal,
    timeout: input.timeout,
  }
  if (input.body !== undefined) request.body = encodeBody(input.body, headers)
  return request
}

function addHeaders(target: Record<string, string | string[]>, source: HeaderValues | undefined): void {
  if (!source) return
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue
    target[name.toLowerCase()] = Array.isArray(value) ? [...value] : String(value)
  }
}

function cookieHeader(cookies: Record<string, unknown> | undefined): string {
  if (!cookies) return ''
  return Object.entries(cookies)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('; ')
}

/**
 * Bytes, streams and forms go as they are; a string goes as it is when the caller chose a
 * content type that is not JSON. Anything else is JSON, as the body schema describes it.
 */
function encodeBody(body: unknown, headers: Record<string, string | string[]>): NonNullable<OutgoingRequest['body']> {
  if (
    body instanceof Uint8Array ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    (typeof body === 'object' && body !== null && Symbol.asyncIterator in body)
  ) {
    return body as NonNullable<OutgoingRequest['body']>
  }
  const contentType = headers['content-type']
  if (typeof body === 'string' && typeof contentType === 'string' && !/json/i.test(contentType)) return body
  headers['content-type'] ??= 'application/json'
  return JSON.stringify(body)
}
