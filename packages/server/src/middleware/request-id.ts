import { randomUUID } from 'node:crypto'
import type { Middleware } from '@typefast/router'

export interface RequestIdOptions {
  /** Default 'x-request-id'. */
  header?: string
  /** Makes an id when the request has none (or an unusable one). Default crypto.randomUUID. */
  generate?: () => string
}

/** Up to 200 visible ASCII characters: anything else from a client is replaced, never echoed. */
const usable = /^[\x21-\x7e]{1,200}$/

/**
 * Give every request an id: the incoming X-Request-ID when there is a usable one, a new UUID
 * otherwise. Handlers read it from `request.headers['x-request-id']`; the answer carries it.
 */
export function requestId(options: RequestIdOptions = {}): Middleware {
  const header = (options.header ?? 'x-request-id').toLowerCase()
  const generate = options.generate ?? randomUUID
  return async (request, next) => {
    const incoming = request.headers[header]
    const id = typeof incoming === 'string' && usable.test(incoming) ? incoming : generate()
    request.headers[header] = id
    const response = await next()
    response.headers[header] = id
    return response
  }
}
