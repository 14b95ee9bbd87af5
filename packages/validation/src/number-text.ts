// pydantic's lax rules for reading an integer, a number or a boolean from text: the one copy,
// used for path, query, header and cookie strings and for strings in a JSON body alike
// (checked against pydantic 2.13 as FastAPI 0.142.2 uses it).

/** A parse failure, carrying pydantic's error type; one shared object per type. */
export class ParseFailure {
  constructor(readonly type: string) {}
}
export const intFailure = new ParseFailure('int_parsing')
export const floatFailure = new ParseFailure('float_parsing')
export const boolFailure = new ParseFailure('bool_parsing')
/**
 * pydantic's float takes inf and nan, and FastAPI then fails to write them (a 500 for any
 * route that echoes them); typefast refuses them up front with pydantic's error for a float
 * that must be finite, in every location.
 */
export const finiteFailure = new ParseFailure('finite_number')

// Surrounding whitespace is stripped; `_` may stand between digits; "5.0" (not "5.") is 5.
const intText = /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/
// `_` only between digits, and then with no surrounding whitespace (pydantic refuses " 1_0 ").
const floatText = /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/
const nonFinite = /^[+-]?(?:inf|infinity|nan)$/i

/**
 * An integer, or a bigint when it is beyond ±2^53 (so 9007199254740993 keeps its value), or
 * intFailure.
 */
export function parseIntText(text: string): number | bigint | ParseFailure {
  const t = text.trim()
  if (!intText.test(t)) return intFailure
  const digits = t.includes('_') ? t.replace(/_/g, '') : t
  const value = Number(digits) // "5.0" is 5
  // `+ 0` turns -0 into 0: pydantic's int has no negative zero.
  if (Number.isSafeInteger(value)) return value + 0
  const point = digits.indexOf('.')
  return BigInt(point === -1 ? digits : digits.slice(0, point))
}

/** A finite number; finiteFailure for inf, nan or an overflow such as 1e400; else floatFailure. */
export function parseFloatText(text: string): number | ParseFailure {
  const t = text.trim()
  if (nonFinite.test(t)) return finiteFailure
  if (t.includes('_') && t !== text) return floatFailure
  if (!floatText.test(t)) return floatFailure
  const value = Number(t.includes('_') ? t.replace(/_/g, '') : t)
  return Number.isFinite(value) ? value : finiteFailure
}

const truthy = new Set(['true', '1', 'yes', 'on', 't', 'y'])
const falsy = new Set(['false', '0', 'no', 'off', 'f', 'n'])

/** A boolean word in any case, not trimmed (pydantic refuses " true"), or boolFailure. */
export function parseBoolText(text: string): boolean | ParseFailure {
  const t = text.toLowerCase()
  return truthy.has(t) ? true : falsy.has(t) ? false : boolFailure
}
