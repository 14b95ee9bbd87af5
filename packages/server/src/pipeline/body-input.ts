import { isEmbeddedBody } from '@typefast/router/internal'
import { compileBodyValidator, type TSchema, type ValidationErrorItem } from '@typefast/validation'
import { admitsNull, missingBodyError } from '@typefast/validation/internal'

export type BodyResult = { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] }

/** A route's JSON body input, compiled at start-up. */
export interface BodyInput {
  /** The parsed JSON body, or `absent` when no body was sent. */
  json(received: unknown): BodyResult
  /** A body sent without a content type: FastAPI validates its bytes as they are, not as JSON. */
  text(received: string): BodyResult
}

/** No body was sent. */
export const absent: unique symbol = Symbol('absent body')

/** A required field missing from a form or an embedded body, as FastAPI reports it. */
export function missingField(key: string): ValidationErrorItem {
  return { type: 'missing', loc: ['body', key], msg: 'Field required', input: null }
}

/**
 * Read a body as FastAPI reads it:
 * - one body parameter: absent or `null` is missing (`["body"]`) unless the schema takes null;
 * - embedded parameters: an absent or `null` body, or one without a content type, gives no
 *   parameter; a body that is not an object has every parameter missing; a parameter given as
 *   `null` counts as not given; a missing parameter reports `input: null`.
 */
export function compileBodyInput(schema: TSchema, options: { strict?: boolean } = {}): BodyInput {
  const validate = compileBodyValidator(schema, options)
  if (!isEmbeddedBody(schema)) {
    const acceptsNull = validate(null).ok
    return {
      json: (received) =>
        received === absent || received === null
          ? acceptsNull
            ? { ok: true, value: null }
            : { ok: false, errors: [missingBodyError()] }
          : validate(received),
      text: validate,
    }
  }
  const properties = (schema as unknown as { properties: Record<string, unknown> }).properties
  const keys = Object.keys(properties)
  // Parameters whose schema takes null: a null for them is dropped before validating. For the
  // others a null fails validation, and is dropped then (off the fast path).
  const nullable = keys.filter((key) => admitsNull(properties[key], true))
  const none = () => embedded(validate({}))
  return {
    json(received) {
      if (received === absent || received === null) return none()
      if (typeof received !== 'object' || Array.isArray(received)) return { ok: false, errors: keys.map(missingField) }
      const given = received as Record<string, unknown>
      for (let i = 0; i < nullable.length; i++) if (given[nullable[i]!] === null) delete given[nullable[i]!]
      const result = validate(given)
      if (result.ok || !dropNulls(given, keys)) return embedded(result)
      return embedded(validate(given))
    },
    text: none,
  }
}

function dropNulls(given: Record<string, unknown>, keys: readonly string[]): boolean {
  let dropped = false
  for (const key of keys) {
    if (given[key] === null) {
      delete given[key]
      dropped = true
    }
  }
  return dropped
}

// FastAPI reports a missing parameter of an embedded body with `input: null`, not the body.
function embedded(result: BodyResult): BodyResult {
  if (result.ok) return result
  for (const item of result.errors) if (item.type === 'missing' && item.loc.length === 2) item.input = null
  return result
}
