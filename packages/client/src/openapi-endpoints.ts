import type { InputField, Method } from './endpoint.js'
import type { ClientResponse } from './response.js'
import type { HttpStatus, StatusRange } from './status-codes.js'

// The shape openapi-typescript (v7) emits: `paths[path][method]` is an operation with
// `parameters: { query?, header?, path?, cookie? }`, `requestBody?: { content: { [media]: T } }`
// and `responses: { [status | 'default' | '4XX']: { content?: { [media]: T } } }`; a method the
// path does not have is `method?: never`.

/** The operation of a path item for one method, or never. */
type OperationOf<Item, M extends string> = M extends keyof Item ? NonNullable<Item[M]> : never

/** An optional key of the spec stays optional for the caller; `?: never` means not taken. */
type Param<Name extends string, Obj, L extends string> = L extends keyof Obj
  ? [NonNullable<Obj[L]>] extends [never]
    ? {}
    : {} extends Pick<Obj, L>
      ? { [K in Name]?: NonNullable<Obj[L]> }
      : InputField<Name, NonNullable<Obj[L]>>
  : {}

/** JSON bodies are typed; any other media type is sent as the caller gives it. */
type MediaData<C> = [NonNullable<C>] extends [never]
  ? undefined
  : 'application/json' extends keyof C
    ? C['application/json']
    : Extract<keyof C, `${string}json${string}`> extends never
      ? string
      : C[Extract<keyof C, `${string}json${string}`>]

type BodyField<Op> = Op extends { requestBody?: infer B }
  ? [NonNullable<B>] extends [never]
    ? {}
    : NonNullable<B> extends { content: infer C }
      ? {} extends Pick<Op, 'requestBody' & keyof Op>
        ? { body?: MediaData<C> }
        : { body: MediaData<C> }
      : {}
  : {}

type OperationInput<Op> = (Op extends { parameters: infer P }
  ? Param<'params', P, 'path'> &
      Param<'query', P, 'query'> &
      Param<'headers', P, 'header'> &
      Param<'cookies', P, 'cookie'>
  : {}) &
  BodyField<Op>

type ResponseData<R> = R extends { content?: infer C } ? MediaData<C> : undefined

type NumericKey<K> = K extends number ? K : K extends `${infer N extends number}` ? N : never

type Exact<Rs> = { [K in keyof Rs]: ClientResponse<NumericKey<K> & HttpStatus, ResponseData<Rs[K]>> }[keyof Rs]

/** `4XX`-style keys cover what exact keys leave; `default` covers everything else. */
type Ranges<Rs, Taken> = {
  [K in keyof Rs]: K extends `${infer D}XX`
    ? ClientResponse<Exclude<StatusRange<D>, Taken>, ResponseData<Rs[K]>>
    : never
}[keyof Rs]

type OperationResult<
  Rs,
  Known extends ClientResponse = Exact<Rs>,
  Ranged extends ClientResponse = Known | Ranges<Rs, Known['status']>,
> =
  | Ranged
  | ClientResponse<
      Exclude<HttpStatus, Ranged['status']>,
      'default' extends keyof Rs ? ResponseData<Rs['default']> : unknown
    >

export interface OperationEndpoint<Op> {
  input: OperationInput<Op>
  result: OperationResult<Op extends { responses: infer Rs } ? Rs : {}>
}

/** `'GET /items'` for each method each path item has. */
type OperationKeys<Paths> = {
  [P in keyof Paths & string]: {
    [M in Method]: [OperationOf<Paths[P], Lowercase<M>>] extends [never] ? never : `${M} ${P}`
  }[Method]
}[keyof Paths & string]

type OperationAt<Paths, K> = K extends `${infer M extends Method} ${infer P}`
  ? P extends keyof Paths
    ? OperationOf<Paths[P], Lowercase<M>>
    : never
  : never

/** The endpoints of an openapi-typescript `paths` type, by operation. */
export type OpenAPIEndpoints<Paths> = { [K in OperationKeys<Paths>]: OperationEndpoint<OperationAt<Paths, K>> }
