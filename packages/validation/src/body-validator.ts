import type { TSchema } from 'typebox'
import type { ValidationErrorItem } from './error-format.js'
import { mapAjvErrors } from './error-map.js'
import { compileAjv, prepare } from './registry.js'

// Validator for a parsed JSON body: no type coercion, defaults filled in place.

export type BodyValidator = (
  value: unknown,
) => { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] }

const cache = new WeakMap<object, BodyValidator>()
const bodyLoc = ['body']

/** Compiled once per schema object; the body is the model, so locs are ["body", ...path]. */
export function compileBodyValidator(schema: TSchema): BodyValidator {
  let validator = cache.get(schema)
  if (validator === undefined) {
    const validate = compileAjv(schema)
    const prepared = prepare(schema)
    validator = (value) =>
      validate(value)
        ? { ok: true, value }
        : { ok: false, errors: mapAjvErrors(validate.errors ?? [], value, bodyLoc, 'body', prepared) }
    cache.set(schema, validator)
  }
  return validator
}
