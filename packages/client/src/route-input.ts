import type { PathParamNames } from '@typefast/router'
import type { SpecsOf } from './dependency-specs.js'
import type { InputField } from './endpoint.js'
import type { InputObject } from './input-object.js'
import type { UnionToIntersection } from './union-to-intersection.js'

type Location = 'params' | 'query' | 'headers' | 'cookies'

/** The object schemas the route and its dependencies declare at one location (never if none). */
type Declared<Specs, L extends Location> = Specs extends { [K in L]: infer O } ? InputObject<O> : never

type Merged<Specs, L extends Location> = [Declared<Specs, L>] extends [never]
  ? never
  : UnionToIntersection<Declared<Specs, L>>

/** A params schema types the path parameters; without one each is a string (numbers are sent as such). */
type ParamsInput<P extends string, Specs> = [Merged<Specs, 'params'>] extends [never]
  ? [PathParamNames<P>] extends [never]
    ? never
    : { [K in PathParamNames<P>]: string | number }
  : Merged<Specs, 'params'>

/** The body is the route's own: dependencies read it, they do not add to it. */
type BodyInput<S> = S extends { body: infer B } ? InputObject<B> : never

/** The request options a route takes, each required exactly when its schema requires something. */
export type RouteInput<P extends string, S, Specs = SpecsOf<S>> = InputField<'params', ParamsInput<P, Specs>> &
  InputField<'query', Merged<Specs, 'query'>> &
  InputField<'headers', Merged<Specs, 'headers'>> &
  InputField<'cookies', Merged<Specs, 'cookies'>> &
  InputField<'body', BodyInput<S>>

/** Whether a request can fail validation, which is when FastAPI documents a 422. */
export type HasInputs<P extends string, S, Specs = SpecsOf<S>> = [PathParamNames<P>] extends [never]
  ? [DeclaresInput<Specs>] extends [never]
    ? false
    : true
  : true

type DeclaresInput<Specs> = Specs extends { params: unknown } | { query: unknown } | { headers: unknown }
  ? true
  : Specs extends { cookies: unknown } | { body: unknown }
    ? true
    : never
