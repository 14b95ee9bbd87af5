import type { TSchema } from 'typebox'
import { hasBigIntegers, roundUnlessBigInteger } from './big-integer-schema.js'
import type { ValidationErrorItem } from './error-format.js'
import { mapAjvErrors } from './error-map.js'
import { laxCoerce, withNumbers } from './lax-coerce.js'
import { compileAjv, prepare } from './registry.js'
import { compileValidFinisher } from './valid-finisher.js'

// Validator for a parsed JSON body. A well-typed body is checked once, the fields its model does
// not declare dropped and its defaults filled in: that is the whole hot path. Only a body that fails goes on to pydantic's lax conversions
// (unless strict) and a second check; a 422 then shows each input as it was received.

export type BodyValidator = (
  value: unknown,
) => { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] }

export interface BodyValidatorOptions {
  /** No lax conversions, as pydantic's strict mode: `"3"` is not a number. Default false. */
  strict?: boolean
}

const caches = { lax: new WeakMap<object, BodyValidator>(), strict: new WeakMap<object, BodyValidator>() }
const bodyLoc = ['body']

/** Compiled once per schema object and mode; the body is the model, so locs are ["body", ...path]. */
export function compileBodyValidator(schema: TSchema, options: BodyValidatorOptions = {}): BodyValidator {
  const strict = options.strict === true
  const cache = strict ? caches.strict : caches.lax
  let validator = cache.get(schema)
  if (validator === undefined) {
    const check = compileAjv(schema)
    const prepared = prepare(schema)
    const fill = compileValidFinisher(prepared)
    const exact = hasBigIntegers(prepared)
    const retry = (received: unknown): ReturnType<BodyValidator> => {
      const value = strict ? received : laxCoerce(prepared, received)
      const checked = withNumbers(value)
      if (checked !== received && check(checked)) {
        // Bigints were checked by their nearest numbers; the handler gets those numbers, but
        // for the `bigInteger()` fields that keep them.
        const result = checked === value || !exact ? checked : roundUnlessBigInteger(prepared, value)
        if (fill !== undefined) fill(result)
        return { ok: true, value: result }
      }
      const errors = mapAjvErrors(check.errors ?? [], checked, bodyLoc, strict ? 'strict' : 'lax', prepared)
      for (const item of errors) item.input = receivedInput(received, item)
      return { ok: false, errors }
    }
    validator = (value) => {
      if (!check(value)) return retry(value)
      if (fill !== undefined) fill(value)
      return { ok: true, value }
    }
    cache.set(schema, validator)
  }
  return validator
}

/**
 * The input pydantic shows for an item: the value at its loc as received (for a missing field,
 * the object it is missing from), before any conversion or default.
 */
function receivedInput(received: unknown, item: ValidationErrorItem): unknown {
  const end = item.type === 'missing' ? item.loc.length - 1 : item.loc.length
  let current = received
  for (let i = bodyLoc.length; i < end; i++) {
    if (current === null || typeof current !== 'object') return item.input
    current = (current as Record<string | number, unknown>)[item.loc[i]!]
  }
  return current
}
