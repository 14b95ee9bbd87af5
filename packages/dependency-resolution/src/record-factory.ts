import { nameWithoutPlace } from './dependency.js'
import { generate, identifier } from './generated-code.js'

/** Builds an object from some slots of a values array: `{ [keys[i]]: values[slots[i]] }`. */
export type RecordFactory = (values: readonly unknown[]) => Record<string, unknown>

/** How a plan makes its records: generated literals, or (without code generation) a loop. */
export type RecordMaker = (
  keys: readonly string[],
  slots: readonly number[],
  label: string,
  of?: string,
) => RecordFactory

/**
 * Compiles, at start-up, a function whose body is one object literal with the keys written out.
 * Every object it makes shares one hidden class, and property reads on it (`deps.db`) stay
 * monomorphic; a loop of keyed stores made a dictionary-like object and cost several times more
 * per request. Keys are written as JSON string literals, so any key is safe. The function is named
 * after the route `label` and the dependency the record is the `deps` `of` (none: the route's own
 * deps): `GET_items_deps_of_currentUser`, sourceURL `typefast/record/GET/items/currentUser`. An
 * anonymous dependency is named without the place it was declared at, which a bundler moves: the
 * source must be the same in `typefast build` and in the bundle that loads the build.
 */
export function recordFactory(
  keys: readonly string[],
  slots: readonly number[],
  label: string,
  of?: string,
): RecordFactory {
  const owner = of === undefined ? undefined : nameWithoutPlace(of)
  const name = identifier(owner === undefined ? `${label} deps` : `${label} deps of ${owner}`)
  const literal = objectLiteral(keys, (i) => `values[${slots[i]! | 0}]`)
  const what = owner === undefined ? `record/${label}` : `record/${label}/${owner}`
  return generate(what, [], `return function ${name}(values) {\n  return ${literal}\n}`, [])
}

/**
 * The same record without generated code, for runtimes that refuse `new Function`: slower (see
 * above), and exactly as safe for any key (`__proto__` included, as a plain property).
 */
export function recordLoop(keys: readonly string[], slots: readonly number[]): RecordFactory {
  return (values) => {
    const record: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      Object.defineProperty(record, keys[i]!, {
        value: values[slots[i]!],
        writable: true,
        enumerable: true,
        configurable: true,
      })
    }
    return record
  }
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
