import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/** What a handler or dependency can read of the request besides its validated inputs. */
export interface RequestInfo {
  readonly method: string
  /** The URL as received: path and query string. */
  readonly url: string
  /** The path without the query string. */
  readonly path: string
  /** Raw headers, names lower-case. */
  readonly headers: IncomingHttpHeaders
  /** The node:http request, for what typefast does not wrap (undefined under some transports). */
  readonly raw: IncomingMessage | undefined
}
