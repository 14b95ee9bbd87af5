import { ParseFailure, parseBoolText, parseFloatText, parseIntText } from './number-text.js'
import { deref } from './registry.js'

export { ParseFailure }

// Per-schema string coercers for path, query, header and cookie values, following pydantic's
// lax mode as FastAPI uses it. Built once at start-up; per request each is a direct parse.

type Schema = Record<string, unknown>

export type ScalarCoercer = (text: string) => unknown

const identity: ScalarCoercer = (text) => text

const primaryType = (s: Schema): unknown =>
  Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? s.type[0]) : s.type

/** The coercer of one scalar value; a failure is returned as a ParseFailure. */
export function scalarCoercer(schema: unknown): ScalarCoercer {
  const s = deref(schema) ?? {}
  const allowed = 'const' in s ? [s.const] : Array.isArray(s.enum) ? (s.enum as unknown[]) : undefined
  if (allowed) {
    // A literal or enum value is matched by its text; a miss goes on as the raw string so the
    // enum/literal error shows the input as received.
    const byText = new Map(allowed.map((v) => [String(v), v]))
    return (text) => (byText.has(text) ? byText.get(text) : text)
  }
  const branches = s.anyOf ?? s.oneOf
  if (Array.isArray(branches)) return unionCoercer(branches.map((b) => deref(b) ?? {}))
  switch (primaryType(s)) {
    case 'integer':
      return parseIntText
    case 'number':
      return parseFloatText
    case 'boolean':
      return parseBoolText
    default:
      return identity
  }
}

// pydantic's smart union tries exact matches first: a literal, then a plain string; then the
// lax conversions in declaration order. The first failure of a non-null branch is reported.
function unionCoercer(branches: Schema[]): ScalarCoercer {
  const nonNull = branches.filter((b) => b.type !== 'null')
  const literals = nonNull.filter((b) => 'const' in b || Array.isArray(b.enum))
  const literalText = new Map<string, unknown>()
  for (const b of literals)
    for (const v of 'const' in b ? [b.const] : (b.enum as unknown[])) literalText.set(String(v), v)
  if (nonNull.some((b) => primaryType(b) === 'string' && !('const' in b) && !Array.isArray(b.enum))) {
    return (text) => (literalText.has(text) ? literalText.get(text) : text)
  }
  const others = nonNull.filter((b) => !literals.includes(b)).map(scalarCoercer)
  return (text) => {
    if (literalText.has(text)) return literalText.get(text)
    let failure: unknown
    for (const coerce of others) {
      const value = coerce(text)
      if (!(value instanceof ParseFailure)) return value
      failure ??= value
    }
    return failure ?? text
  }
}

/** The array schema a value is for (also inside Optional[list[X]]), or undefined for scalars. */
export function arraySchema(schema: unknown): Schema | undefined {
  const s = deref(schema) ?? {}
  if (primaryType(s) === 'array') return s
  const branches = s.anyOf ?? s.oneOf
  if (Array.isArray(branches)) {
    const nonNull = branches.map((b) => deref(b) ?? {}).filter((b) => b.type !== 'null')
    if (nonNull.length === 1 && primaryType(nonNull[0]!) === 'array') return nonNull[0]
  }
  return undefined
}
