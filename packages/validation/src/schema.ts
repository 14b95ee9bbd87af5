// The schema language of typefast is TypeBox 1.x; `t` is its Type namespace.
export type { Static, TObject, TProperties, TSchema } from 'typebox'
export { default as t } from 'typebox'
