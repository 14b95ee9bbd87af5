import type { Static, TSchema } from 'typebox'
import type { ClientResponse } from './response.js'
import type { HttpStatus } from './status-codes.js'
import type { HTTPValidationError } from './validation-error.js'

type StatusOf<S> = S extends { status: infer N extends number } ? N : 200

/** `response` is one schema (it carries a `~kind`) for `status`, or a map from status to schema. */
type FromResponse<S> = S extends { response: infer R }
  ? R extends { readonly '~kind': string }
    ? ClientResponse<StatusOf<S>, Static<R>>
    : { [K in keyof R]: ClientResponse<K & number, R[K] extends TSchema ? Static<R[K]> : unknown> }[keyof R]
  : ClientResponse<StatusOf<S>, unknown>

/** Extra `responses` documented on the route (FastAPI's `responses=`), where not already declared. */
type FromDocs<S, Taken> = S extends { responses: infer D }
  ? {
      [K in Exclude<keyof D, Taken>]: ClientResponse<
        K & number,
        D[K] extends { schema: infer X extends TSchema } ? Static<X> : unknown
      >
    }[Exclude<keyof D, Taken>]
  : never

type WithValidation<Declared extends ClientResponse, Validates> = Validates extends true
  ? 422 extends Declared['status']
    ? Declared
    : Declared | ClientResponse<422, HTTPValidationError>
  : Declared

/**
 * Every answer a route may give: its declared statuses with their schema types, 422 when it has
 * inputs, and any other status with unknown data (an HTTPException, a 500), so the union is honest.
 */
export type RouteResult<S, Validates, Declared extends ClientResponse = FromResponse<S>> = WithUndeclared<
  WithValidation<Declared | FromDocs<S, Declared['status']>, Validates>
>

type WithUndeclared<Known extends ClientResponse> =
  | Known
  | ClientResponse<Exclude<HttpStatus, Known['status']>, unknown>
