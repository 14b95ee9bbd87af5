import type { Endpoint, Method } from './endpoint.js'
import type { ClientResponse, RawResponse } from './response.js'

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

/** The options argument: required when the input requires something, optional otherwise. */
type OptionsFor<Input> = {} extends Input ? [options?: Input & CallOptions] : [options: Input & CallOptions]

/** The options argument of an endpoint. */
export type OptionsArg<E extends Endpoint> = OptionsFor<E['input']>

/** The path templates of one method in an endpoint map (its keys are `'GET /items'`). */
export type PathsOf<E, M extends Method> = keyof E extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never

// A call infers its path as `P extends string`, and its options type is the common one while P
// is `string`: TypeScript types the options object by P's constraint while it infers P, and with
// `P extends Paths` (or a lookup that `string` passes) that is the union of every path's options,
// walked again at each call. So a call looks up its own operation only. The lookups find their entry
// without testing its entries against `Endpoint`: such a test on a generic entry makes the
// checker relate whole endpoint types.

/** The path argument: the path itself when the method has it, else every path it has (the error names them). */
export type PathArg<Paths extends string, P extends string> = P extends Paths ? P : Paths

// The entry of a call is found by its path among the method's paths (computed once per map) and
// then by matching, not by `keyof E`: TypeScript recomputes the keys of a mapped map (the one
// `typeof app` gives) at every use, walking every route at every call.

/** The entry of one operation in the map. */
type EntryOf<E, K extends string> = E extends { readonly [_ in K]: infer X } ? X : never

/** The options of a call; a path the map lacks takes the common ones, so the error stays on the path. */
export type ArgsOf<E, M extends Method, P extends string> = P extends unknown
  ? string extends P
    ? [options?: CallOptions]
    : P extends PathsOf<E, M>
      ? OptionsFor<InputOf<EntryOf<E, `${M} ${P}`>>>
      : [options?: CallOptions]
  : never

type InputOf<X> = X['input' & keyof X]

/** The answers of a call. */
export type ResultOf<E, M extends Method, P extends string> =
  P extends PathsOf<E, M> ? ResultEntry<EntryOf<E, `${M} ${P}`>> : ClientResponse

type ResultEntry<X> = X['result' & keyof X]

type StatusOf<R> = R extends { status: infer S extends number } ? S : number

// A call's options and answers are looked up once, in X's default: a client typed by `typeof app`
// holds a map TypeScript cannot tell is closed, and it walks the map's every route at each
// generic use of it in a call (an interface it skips). NoInfer keeps the options from inferring X.

/** A typed call of one method: the path (autocompleted), then the inputs of that path. */
export type MethodCall<E, M extends Method, Paths extends string = PathsOf<E, M>> = <
  P extends string,
  X extends Found = FoundOf<E, M, P>,
>(
  path: PathArg<Paths, P>,
  ...options: NoInfer<X['args']>
) => Promise<X['result']>

interface Found {
  args: unknown[]
  result: unknown
}

/** The options and answers of a call. */
interface FoundOf<E, M extends Method, P extends string> {
  args: ArgsOf<E, M, P>
  result: ResultOf<E, M, P>
}

/**
 * The typed client of an endpoint map: one function per HTTP method, `request` for a method
 * chosen at run time and `raw` for the unread body stream. The same surface over a socket and
 * in-process.
 */
export interface Client<E> extends AsyncDisposable {
  get: MethodCall<E, 'GET'>
  post: MethodCall<E, 'POST'>
  put: MethodCall<E, 'PUT'>
  patch: MethodCall<E, 'PATCH'>
  delete: MethodCall<E, 'DELETE'>
  head: MethodCall<E, 'HEAD'>
  options: MethodCall<E, 'OPTIONS'>
  request<M extends Method, P extends string>(
    method: M,
    path: PathArg<PathsOf<E, M>, P>,
    ...options: ArgsOf<E, M, P>
  ): Promise<ResultOf<E, M, P>>
  /** The response with its body unread: `body` is an async iterable of chunks with text()/json(). */
  raw<M extends Method, P extends string>(
    method: M,
    path: PathArg<PathsOf<E, M>, P>,
    ...options: ArgsOf<E, M, P>
  ): Promise<RawResponse<StatusOf<ResultOf<E, M, P>>>>
  /** Close the connection pool (or, in-process, the app's lifespan). */
  close(): Promise<void>
}
