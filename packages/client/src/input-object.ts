import type { Static, TSchema } from 'typebox'

/**
 * A property the caller may leave out: `t.Optional(...)`, or a schema with a `default` (the
 * server fills it in). typefast's `t` keeps the `default` of the options in the schema's type.
 */
type Omittable = { readonly '~optional': true } | { readonly default: unknown }

type OmittableKeys<P> = { [K in keyof P]: P[K] extends Omittable ? K : never }[keyof P]

/** An object schema's properties as sent: keys with defaults optional, nested objects alike. */
type WireProperties<P> = {
  [K in keyof P as K extends OmittableKeys<P> ? never : K]: WireValue<P[K]>
} & {
  [K in keyof P as K extends OmittableKeys<P> ? K : never]?: WireValue<P[K]>
}

type WireValue<S> = S extends { readonly '~kind': 'Object'; properties: infer P } ? WireProperties<P> : StaticOf<S>

type StaticOf<S> = S extends TSchema ? Static<S> : unknown

/**
 * What a caller sends for a schema of path, query, header, cookie or body values: what the
 * server accepts before it fills in defaults, so an input with a default is optional.
 */
export type InputObject<O> = O extends { properties: infer P } ? WireProperties<P> : StaticOf<O>
