import { ParseFailure, parseBoolText, parseFloatText, parseIntText } from './number-text.js'
import { compileAjv, deref } from './registry.js'

// pydantic's lax mode for a parsed JSON body, as FastAPI validates it: "3" is a number, 1 and
// "yes" are booleans, true is 1, " 7" and 7.0 are integers. Runs only after the strict check
// failed, so a well-typed body never comes here. Copies what it changes; the input stays as
// received (a 422 shows it). A schema marked `strict: true` is left as it is, with all below it.

type Schema = Record<string, unknown>

/** The value with every lax conversion pydantic would make; unconvertible values stay as they are. */
export function laxCoerce(schema: unknown, value: unknown): unknown {
  const s = deref(schema)
  // A literal or enum matches exactly, as pydantic's Literal does.
  if (s === undefined || s.strict === true || 'const' in s || 'enum' in s) return value
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined
  if (Array.isArray(branches)) return coerceUnion(branches, value)
  if (Array.isArray(s.allOf)) {
    let out = value
    for (const part of s.allOf) out = laxCoerce(part, out)
    return out
  }
  switch (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) {
    case 'integer':
      return toInteger(value)
    case 'number':
      return toNumber(value)
    case 'boolean':
      return toBoolean(value)
    case 'object':
      return coerceObject(s, value)
    case 'array':
      return coerceArray(s, value)
    default:
      return value
  }
}

function toInteger(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value !== 'string') return value
  const parsed = parseIntText(value)
  return parsed instanceof ParseFailure ? value : parsed
}

function toNumber(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') return Number(value)
  if (typeof value !== 'string') return value
  const parsed = parseFloatText(value)
  return parsed instanceof ParseFailure ? value : parsed
}

function toBoolean(value: unknown): unknown {
  if (value === 0 || value === 1) return value === 1
  if (typeof value !== 'string') return value
  const parsed = parseBoolText(value)
  return parsed instanceof ParseFailure ? value : parsed
}

function coerceObject(s: Schema, value: unknown): unknown {
  const properties = s.properties as Record<string, unknown> | undefined
  if (properties === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const object = value as Record<string, unknown>
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(properties)) {
    if (!(key in object)) continue
    const next = laxCoerce(properties[key], object[key])
    if (next !== object[key]) (out ??= { ...object })[key] = next
  }
  return out ?? value
}

function coerceArray(s: Schema, value: unknown): unknown {
  if (!Array.isArray(value)) return value
  const items = s.prefixItems ?? s.items
  let out: unknown[] | undefined
  for (let i = 0; i < value.length; i++) {
    const itemSchema = Array.isArray(items) ? items[i] : items
    const next = laxCoerce(itemSchema, value[i])
    if (next !== value[i]) (out ??= value.slice())[i] = next
  }
  return out ?? value
}

// pydantic's smart union: a branch the value already fits exactly wins; else the first branch,
// in declaration order, that a lax conversion makes it fit.
function coerceUnion(branches: unknown[], value: unknown): unknown {
  const numeric = withNumbers(value)
  for (const branch of branches) if (compileAjv(branch as object)(numeric)) return value
  for (const branch of branches) {
    const next = laxCoerce(branch, value)
    if (next !== value && compileAjv(branch as object)(withNumbers(next))) return next
  }
  return value
}

/**
 * The value with each bigint (an integer beyond 2^53) as its nearest number: what ajv, which
 * knows no bigint, checks types and bounds on. The value itself keeps the exact bigint.
 */
export function withNumbers(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const next = withNumbers(value[i])
      if (next !== value[i]) (out ??= value.slice())[i] = next
    }
    return out ?? value
  }
  const object = value as Record<string, unknown>
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(object)) {
    const next = withNumbers(object[key])
    if (next !== object[key]) (out ??= { ...object })[key] = next
  }
  return out ?? value
}
