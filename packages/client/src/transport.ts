import type { RawBody } from './response.js'

/** A request ready to send: everything typed has been turned into strings and bytes. */
export interface OutgoingRequest {
  method: string
  /** Path and query string, relative to the base URL. */
  path: string
  headers: Record<string, string | string[]>
  body?: string | Uint8Array | FormData | URLSearchParams | AsyncIterable<Uint8Array>
  signal?: AbortSignal
  timeout?: number
}

export interface IncomingResponse {
  status: number
  headers: Headers
  body: RawBody
}

/** How requests travel: undici over a socket, or `app.inject` in-process. */
export interface Transport {
  send(request: OutgoingRequest): Promise<IncomingResponse>
  close(): Promise<void>
}
