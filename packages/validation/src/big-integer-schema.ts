import Type, { type TNumberOptions, type TUnsafe } from 'typebox'
import { deref, prepare, referencedNamed } from './registry.js'

// An integer beyond ±2^53 is read exactly (a bigint) while it is validated, so a 422 shows it as
// sent. What the handler gets follows its type: `t.Integer()` is a `number`, so it gets the
// nearest number; only a `bigInteger()` field, typed `number | bigint`, keeps the bigint.

/** Written on the schema (and in the OpenAPI document): this field may exceed ±2^53. */
const marker = 'x-big-integer'

type Schema = Record<string, unknown>

/**
 * An integer of any size, as Python's `int`: a `number` within ±2^53, a `bigint` beyond, so
 * 9007199254740993 keeps its value. Typed `number | bigint`: the handler decides how to compute.
 */
export function bigInteger(options: TNumberOptions = {}): TUnsafe<number | bigint> {
  return Type.Unsafe<number | bigint>({ type: 'integer', ...options, [marker]: true })
}

/** True when a parameter's schema is `bigInteger()`, an array of them, or a union with one (`| null`). */
export function isBigIntegerSchema(schema: unknown): boolean {
  const resolved = deref(schema)
  if (resolved === undefined) return false
  const branches = (resolved.anyOf ?? resolved.oneOf ?? []) as unknown[]
  return (
    resolved[marker] === true ||
    (resolved.items !== undefined && isBigIntegerSchema(resolved.items)) ||
    branches.some(isBigIntegerSchema)
  )
}

/** True when a schema (or a named schema it refers to) has a `bigInteger()`: decided at start-up. */
export function hasBigIntegers(schema: object): boolean {
  const prepared = prepare(schema)
  return [prepared, ...Object.values(referencedNamed(prepared))].some((s) =>
    JSON.stringify(s).includes(`"${marker}":true`),
  )
}

/**
 * The validated value with each bigint as its nearest number, except where its schema is a
 * `bigInteger()`. Copies only what changes. Called only for a value that held a bigint.
 */
export function roundUnlessBigInteger(schema: unknown, value: unknown): unknown {
  const resolved = deref(schema)
  if (resolved?.[marker] === true) return value
  if (typeof value === 'bigint') return Number(value)
  if (value === null || typeof value !== 'object') return value
  const branches = (resolved?.anyOf ?? resolved?.oneOf) as Schema[] | undefined
  if (branches !== undefined)
    return roundUnlessBigInteger(
      branches.find((b) => holds(b, value)),
      value,
    )
  if (Array.isArray(value)) {
    const prefix = resolved?.prefixItems as Schema[] | undefined
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const next = roundUnlessBigInteger(prefix?.[i] ?? resolved?.items, value[i])
      if (next !== value[i]) (out ??= value.slice())[i] = next
    }
    return out ?? value
  }
  const object = value as Record<string, unknown>
  const properties = resolved?.properties as Record<string, Schema> | undefined
  const rest = resolved?.additionalProperties
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(object)) {
    const next = roundUnlessBigInteger(properties?.[key] ?? rest, object[key])
    if (next !== object[key]) (out ??= { ...object })[key] = next
  }
  return out ?? value
}

/** The branch of a union a value was taken by: the one of its JSON kind. */
function holds(branch: unknown, value: object): boolean {
  const type = deref(branch)?.type
  return Array.isArray(value) ? type === 'array' : type === 'object' || type === undefined
}
