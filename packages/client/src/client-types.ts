import type { Endpoint, Endpoints, Method } from './endpoint.js'
import type { RawResponse } from './response.js'

/** Header values a caller may add to any request, beyond those a route declares. */
export type HeaderValues = Record<string, string | number | boolean | readonly string[] | undefined>

/** Options of every call, whatever the endpoint. */
export interface CallOptions {
  headers?: HeaderValues
  /** Abort this request (and stop reading its body). */
  signal?: AbortSignal
  /** Milliseconds to wait for the response headers, and then between body chunks, for this call. */
  timeout?: number
}

/** The options argument: required when the endpoint requires an input, optional otherwise. */
export type OptionsArg<E extends Endpoint> = {} extends E['input']
  ? [options?: E['input'] & CallOptions]
  : [options: E['input'] & CallOptions]

/** A typed call of one method: the path (autocompleted), then the inputs of that path. */
export type MethodCall<Paths extends Record<string, Endpoint>> = <P extends keyof Paths & string>(
  path: P,
  ...options: OptionsArg<Paths[P]>
) => Promise<Paths[P]['result']>

/**
 * The typed client: one function per HTTP method, `request` for a method chosen at run time and
 * `raw` for the unread body stream. The same surface over a socket and in-process.
 */
export interface Client<E extends Endpoints> extends AsyncDisposable {
  get: MethodCall<E['GET']>
  post: MethodCall<E['POST']>
  put: MethodCall<E['PUT']>
  patch: MethodCall<E['PATCH']>
  delete: MethodCall<E['DELETE']>
  head: MethodCall<E['HEAD']>
  options: MethodCall<E['OPTIONS']>
  request<M extends Method, P extends keyof E[M] & string>(
    method: M,
    path: P,
    ...options: OptionsArg<E[M][P]>
  ): Promise<E[M][P]['result']>
  /** The response with its body unread: `body` is an async iterable of chunks with text()/json(). */
  raw<M extends Method, P extends keyof E[M] & string>(
    method: M,
    path: P,
    ...options: OptionsArg<E[M][P]>
  ): Promise<RawResponse<E[M][P]['result']['status']>>
  /** Close the connection pool (or, in-process, the app's lifespan). */
  close(): Promise<void>
}
