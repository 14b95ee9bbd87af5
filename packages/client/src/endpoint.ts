import type { ClientResponse } from './response.js'

/** The methods of the client, as the server spells them. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/**
 * What the client knows of one operation, whatever it was inferred from (a typefast app or an
 * openapi-typescript `paths` type): the typed request inputs and the union of typed answers.
 */
export interface Endpoint {
  input: object
  result: ClientResponse
}

/**
 * Every operation by method and path template, `'GET /items/{item_id}'`: the one shape the typed
 * client is written against. One flat map, so an interface can extend it (see EndpointsOf).
 */
export type Endpoints = { [operation: `${Method} ${string}`]: Endpoint }

/**
 * `{ [name]: V }` when the endpoint takes that input, optional when V needs nothing, absent when
 * the endpoint does not take it (`never`), so passing it is an excess-property error.
 */
export type InputField<Name extends string, V> = [V] extends [never]
  ? {}
  : {} extends V
    ? { [K in Name]?: V }
    : { [K in Name]: V }
