import { makeClient } from './client.js'
import type { Client, HeaderValues } from './client-types.js'
import type { EndpointsOf } from './endpoints-of.js'
import { UndiciTransport, type UndiciTransportOptions } from './undici-transport.js'

export interface ClientOptions extends UndiciTransportOptions {
  /** Sent with every request (an API key, a user agent); a call's own headers win. */
  headers?: HeaderValues
}

/**
 * A typed HTTP client for a service at `baseUrl`, typed by `typeof app` of a typefast app (no
 * code generation) or by an openapi-typescript `paths` type. `close()` ends its connection pool.
 */
export function createClient<T>(baseUrl: string | URL, options: ClientOptions = {}): Client<EndpointsOf<T>> {
  return makeClient(new UndiciTransport(baseUrl, options), options.headers)
}
