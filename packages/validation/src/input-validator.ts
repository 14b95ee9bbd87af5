import { canGenerate, generate, generatingAtStartUp } from '@typefast/dependency-resolution/internal'
import type { ValidateFunction } from 'ajv'
import type { TObject } from 'typebox'
import { isBigIntegerSchema } from './big-integer-schema.js'
import { arraySchema, ParseFailure, type ScalarCoercer, scalarCoercer } from './coerce.js'
import type { ErrorLocation, ValidationErrorItem } from './error-format.js'
import { mapAjvErrors } from './error-map.js'
import { errorItem } from './messages.js'
import { compileAjv, deref } from './registry.js'

// Validators for path, query, header and cookie values: each declared field is looked up,
// coerced from its string(s) by a coercer built at start-up, then checked by ajv (without
// coercion) only when its schema has constraints a coerced value could still break.

export type RawInput = Record<string, string | string[] | undefined>
export type InputValidator = (
  raw: RawInput,
) => { ok: true; value: Record<string, unknown> } | { ok: false; errors: ValidationErrorItem[] }

type Schema = Record<string, unknown>

interface Field {
  /** The name read: for headers lower-case, `_` written `-` (FastAPI's convert_underscores). */
  key: string
  /** A repeated value for a scalar: headers take the first (Starlette's Headers.get), others the last. */
  first: boolean
  loc: (string | number)[]
  required: boolean
  hasDefault: boolean
  default: unknown
  array: boolean
  coerce: ScalarCoercer
  check: ValidateFunction | undefined
  schema: unknown
  /** A `bigInteger()` field: keeps a bigint beyond 2^53; other integers get the nearest number. */
  exact: boolean
}

// Keywords a coerced value satisfies by construction: no ajv call needed for them alone.
const annotationKeywords = new Set([
  'type',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  '$id',
])

function needsCheck(schema: Schema | undefined): boolean {
  if (!schema) return true
  return Object.keys(schema).some((k) => !annotationKeywords.has(k)) || typeof schema.type !== 'string'
}

const cache = new WeakMap<object, Map<string, InputValidator>>()

/** A coercing validator for one request location; compiled once per schema and location. */
export function compileInputValidator(schema: TObject, location: Exclude<ErrorLocation, 'body'>): InputValidator {
  let byLocation = cache.get(schema)
  if (!byLocation) cache.set(schema, (byLocation = new Map()))
  let validator = byLocation.get(location)
  if (!validator) {
    validator = buildInputValidator(schema, location)
    byLocation.set(location, validator)
  }
  return validator
}

function buildInputValidator(schema: TObject, location: Exclude<ErrorLocation, 'body'>): InputValidator {
  const object = deref(schema) as Schema
  const properties = (object.properties ?? {}) as Record<string, unknown>
  const required = new Set((object.required as string[] | undefined) ?? [])
  const fields: Field[] = Object.keys(properties).map((key) => {
    const fieldSchema = properties[key]!
    const resolved = deref(fieldSchema)
    const array = arraySchema(fieldSchema)
    const name = location === 'header' ? key.toLowerCase().replace(/_/g, '-') : key
    return {
      key: name,
      first: location === 'header',
      loc: [location, name],
      required: required.has(key),
      hasDefault: resolved !== undefined && 'default' in resolved,
      default: resolved?.default,
      array: array !== undefined,
      coerce: scalarCoercer(array ? (Array.isArray(array.items) ? {} : array.items) : fieldSchema),
      check: needsCheck(resolved) || array ? compileAjv(fieldSchema as object) : undefined,
      schema: fieldSchema,
      exact: isBigIntegerSchema(fieldSchema),
    }
  })
  const outKeys = Object.keys(properties)
  const forbidExtra = object.additionalProperties === false
  const known = new Set(fields.map((f) => f.key))
  return ownValidator({ fields, outKeys, forbidExtra, known, location })
}

/** What one validator checks, decided at start-up. */
interface Plan {
  fields: Field[]
  /** The value's key of each field (a header's is its declared name, not the one read). */
  outKeys: string[]
  forbidExtra: boolean
  known: Set<string>
  location: Exclude<ErrorLocation, 'body'>
}

/**
 * The validator of `plan`. Its code reads the module's helpers only through `use`, so that a copy
 * compiled from its source (ownValidator) runs the same.
 */
function validatorOf(plan: Plan, use: typeof helpers): InputValidator {
  const { fields, outKeys, forbidExtra, known, location } = plan
  const { ParseFailure, errorItem, mapAjvErrors, rawInput, asNumber, copy } = use
  return (raw) => {
    const value: Record<string, unknown> = {}
    let errors: ValidationErrorItem[] | undefined
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!
      let text = raw[field.key]
      if (text === undefined) {
        if (field.hasDefault) value[outKeys[i]!] = copy(field.default)
        else if (field.required) (errors ??= []).push(errorItem('missing', field.loc, null))
        continue
      }
      let coerced: unknown
      // What ajv checks: a bigint (an integer beyond 2^53) by its nearest number, for its bounds.
      let checked: unknown
      let list: string[] | undefined
      if (field.array) {
        list = typeof text === 'string' ? [text] : text
        const items = new Array(list.length)
        let failed = false
        let big = false
        for (let j = 0; j < list.length; j++) {
          const item = (items[j] = field.coerce(list[j]!))
          if (item instanceof ParseFailure) {
            ;(errors ??= []).push(errorItem(item.type, [...field.loc, j], list[j]))
            failed = true
          } else if (typeof item === 'bigint') big = true
        }
        if (failed) continue
        coerced = items
        checked = big ? items.map(asNumber) : items
      } else {
        // A repeated key: a scalar query value takes the last (Starlette's QueryParams), a
        // scalar header the first (Starlette's Headers).
        text = typeof text === 'string' ? text : field.first ? text[0]! : text[text.length - 1]!
        coerced = field.coerce(text)
        if (coerced instanceof ParseFailure) {
          ;(errors ??= []).push(errorItem(coerced.type, field.loc, text))
          continue
        }
        checked = typeof coerced === 'bigint' ? Number(coerced) : coerced
      }
      if (field.check !== undefined && !field.check(checked)) {
        const found = mapAjvErrors(field.check.errors ?? [], checked, field.loc, 'input', field.schema)
        for (const item of found) item.input = rawInput(item, field.loc.length, text, list)
        ;(errors ??= []).push(...found)
        continue
      }
      value[outKeys[i]!] = field.exact ? coerced : checked
    }
    if (forbidExtra) {
      for (const key of Object.keys(raw)) {
        if (!known.has(key) && raw[key] !== undefined) {
          ;(errors ??= []).push(errorItem('extra_forbidden', [location, key], raw[key]))
        }
      }
    }
    return errors === undefined ? { ok: true, value } : { ok: false, errors }
  }
}

/**
 * The validator of `plan`, running its own function from its first call on. V8 keeps type
 * feedback per function source, so validators made from one source share it: each writes other
 * keys into its value, and that store went megamorphic (some 700 instructions a request of
 * GET /items/{id}). A validator's first call therefore compiles its own copy of `validatorOf`
 * from the same source; at the first call, not at start-up, because a copy per validator of a
 * 1,000-route app would add a quarter to its start-up. Where code cannot be generated, or comes
 * from a build (which would hold a copy per validator), the shared one.
 */
function ownValidator(plan: Plan): InputValidator {
  if (!canGenerate() || !generatingAtStartUp()) return validatorOf(plan, helpers)
  let validate: InputValidator = (raw) => {
    validate = ownCopy(plan)
    return validate(raw)
  }
  return (raw) => validate(raw)
}

function ownCopy(plan: Plan): InputValidator {
  const factory = generate<typeof validatorOf>(
    `validator/${plan.location}`,
    [],
    `'use strict'\nreturn (${validatorOf.toString()})`,
    [],
  )
  try {
    return factory(plan, helpers)
  } catch {
    // A bundler that rewrote this module (esbuild's keepNames adds `__name` calls) leaves the
    // copy's source naming what only the module can see: the shared one works the same.
    return validatorOf(plan, helpers)
  }
}

// pydantic reports the value as received: the raw string (or strings), not the coerced one.
function rawInput(item: ValidationErrorItem, depth: number, text: string | string[], list: string[] | undefined) {
  if (item.loc.length === depth) return list ?? text
  if (list !== undefined && item.loc.length === depth + 1) return list[item.loc[depth] as number]
  return item.input
}

const asNumber = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value)

const copy = (value: unknown): unknown => (value !== null && typeof value === 'object' ? structuredClone(value) : value)

/** What `validatorOf` uses of this module, handed to it (and to its copies) rather than read from scope. */
const helpers = { ParseFailure, errorItem, mapAjvErrors, rawInput, asNumber, copy }
