import type { Static, TSchema } from 'typebox'

/**
 * A property the caller may leave out: `t.Optional(...)`, or a schema whose type carries a
 * `default` (the server fills it in). TypeBox 1.x does not put `default` in the type of
 * `t.Integer({ default: 0 })`, so such keys stay required unless the schema type says otherwise.
 */
type Omittable = { readonly '~optional': true } | { readonly default: unknown }

type OmittableKeys<P> = { [K in keyof P]: P[K] extends Omittable ? K : never }[keyof P]

/** What a caller sends for an object schema of path, query, header or cookie values. */
export type InputObject<O> = O extends { properties: infer P }
  ? {
      [K in keyof P as K extends OmittableKeys<P> ? never : K]: P[K] extends TSchema ? Static<P[K]> : unknown
    } & {
      [K in keyof P as K extends OmittableKeys<P> ? K : never]?: P[K] extends TSchema ? Static<P[K]> : unknown
    }
  : O extends TSchema
    ? Static<O>
    : never
