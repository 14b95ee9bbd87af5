/** One possible answer of an endpoint: narrowing on `status` narrows `data`. */
export interface ClientResponse<Status extends number = number, Data = unknown> {
  status: Status
  /** The body: parsed JSON when the response is JSON, text otherwise, undefined when empty. */
  data: Data
  headers: Headers
}

/** A response body not yet read: undici's body (a stream) over a socket, a buffer in-process. */
export interface RawBody extends AsyncIterable<Uint8Array> {
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

/** The answer of `client.raw(...)`: status and headers, the body left for the caller to read. */
export interface RawResponse<Status extends number = number> {
  status: Status
  headers: Headers
  body: RawBody
}
