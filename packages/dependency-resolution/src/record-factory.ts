import { generateFunction } from './generated-function.js'

/** Builds an object from some slots of a values array: `{ [keys[i]]: values[slots[i]] }`. */
export type RecordFactory = (values: readonly unknown[]) => Record<string, unknown>

/**
 * Compiles, at start-up, a function whose body is one object literal with the keys written out.
 * Every object it makes shares one hidden class, and property reads on it (`deps.db`) stay
 * monomorphic; a loop of keyed stores made a dictionary-like object and cost several times more
 * per request. Keys are written as JSON string literals, so any key is safe.
 */
export function recordFactory(keys: readonly string[], slots: readonly number[]): RecordFactory {
  return generateFunction(
    ['values'],
    `return ${objectLiteral(keys, (i) => `values[${slots[i]! | 0}]`)}`,
  ) as RecordFactory
}

/** Source of an object literal with these keys (any string, written as JSON) and value expressions. */
export function objectLiteral(keys: readonly string[], valueSource: (index: number) => string): string {
  // A literal `"__proto__": x` would set the prototype; the computed form makes a property.
  const fields = keys.map((key, i) => {
    const name = key === '__proto__' ? `[${JSON.stringify(key)}]` : JSON.stringify(key)
    return `${name}: ${valueSource(i)}`
  })
  return `{ ${fields.join(', ')} }`
}
