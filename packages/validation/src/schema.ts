// The schema language of typefast is TypeBox 1.x; `t` is its Type namespace, typed to keep the
// `default` of a schema's options (see default-kept.ts). The same object at run time.
import Type from 'typebox'
import type { DefaultKeepingType } from './default-kept.js'

export type { Static, TObject, TProperties, TSchema } from 'typebox'
export const t = Type as DefaultKeepingType
