import type { ErrorObject } from 'ajv'
import type { ValidationErrorItem } from './error-format.js'
import { formatError } from './format-errors.js'
import { errorItem, expectedList, pythonRepr } from './messages.js'
import { ParseFailure, parseFloatText } from './number-text.js'
import { compileAjv, deref } from './registry.js'

// Turns ajv's errors into pydantic's items. Runs only when validation failed, so it may walk
// schemas; the success path never comes here.

type Loc = (string | number)[]
type Schema = Record<string, unknown>

/**
 * `lax`: a JSON body after pydantic's lax conversions; `strict`: a JSON body unconverted;
 * `input`: path, query, header or cookie strings, already coerced.
 */
export type Mode = 'lax' | 'strict' | 'input'

interface Entry {
  item: ValidationErrorItem
  path: string
}

/** pydantic's items for ajv's errors: one per failing field, in the schema's field order. */
export function mapAjvErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  base: Loc,
  mode: Mode,
  schema: unknown,
): ValidationErrorItem[] {
  const entries = collect(errors, data, base, mode)
  const seen = new Set<string>()
  const items: { item: ValidationErrorItem; key: number[] }[] = []
  for (const { item } of entries) {
    const id = JSON.stringify(item.loc)
    if (seen.has(id)) continue // pydantic stops at a field's first failing constraint
    seen.add(id)
    items.push({ item, key: orderKey(schema, item.loc.slice(base.length)) })
  }
  items.sort((a, b) => compareKeys(a.key, b.key))
  return items.map((i) => i.item)
}

function collect(errors: readonly ErrorObject[], data: unknown, base: Loc, mode: Mode): Entry[] {
  const out: Entry[] = []
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      // ajv reports each branch's errors just before the union's own error: replace them.
      let i = out.length
      while (i > 0 && isUnder(out[i - 1]!.path, e.instancePath)) i--
      out.length = i
      out.push(...unionErrors(e, data, base, mode))
    } else if (e.keyword !== 'if') {
      // `if` is reported with the errors of its then/else branch; those are enough.
      out.push({ item: mapOne(e, data, base, mode), path: e.instancePath })
    }
  }
  return out
}

const isUnder = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`)

/** The loc of an ajv instancePath: array indices become numbers, as in pydantic. */
function locOf(instancePath: string, data: unknown, base: Loc): Loc {
  const loc = base.slice()
  if (instancePath === '') return loc
  let current = data
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(current)) {
      const index = Number(key)
      loc.push(index)
      current = current[index]
    } else {
      loc.push(key)
      current = current !== null && typeof current === 'object' ? (current as Schema)[key] : undefined
    }
  }
  return loc
}

/** The ajv keywords that map to one pydantic type whose ctx is one of ajv's params, renamed. */
const oneParam = new Map<string, [type: string, ctx: string, param: string]>([
  ['minLength', ['string_too_short', 'min_length', 'limit']],
  ['maxLength', ['string_too_long', 'max_length', 'limit']],
  ['pattern', ['string_pattern_mismatch', 'pattern', 'pattern']],
  ['minimum', ['greater_than_equal', 'ge', 'limit']],
  ['exclusiveMinimum', ['greater_than', 'gt', 'limit']],
  ['maximum', ['less_than_equal', 'le', 'limit']],
  ['exclusiveMaximum', ['less_than', 'lt', 'limit']],
  ['multipleOf', ['multiple_of', 'multiple_of', 'multipleOf']],
])

function mapOne(e: ErrorObject, data: unknown, base: Loc, mode: Mode): ValidationErrorItem {
  const loc = locOf(e.instancePath, data, base)
  const input = e.data
  const p = e.params as Record<string, any>
  const single = oneParam.get(e.keyword)
  if (single !== undefined) return errorItem(single[0], loc, input, { [single[1]]: p[single[2]] })
  switch (e.keyword) {
    case 'required':
      return errorItem('missing', [...loc, p.missingProperty], input)
    case 'additionalProperties':
      return errorItem('extra_forbidden', [...loc, p.additionalProperty], (input as Schema)[p.additionalProperty])
    case 'unevaluatedProperties':
      return errorItem('extra_forbidden', [...loc, p.unevaluatedProperty], (input as Schema)[p.unevaluatedProperty])
    case 'type':
      return typeError(String(p.type), loc, input, e.parentSchema as Schema, mode)
    case 'format':
      return formatError(String(p.format), loc, input)
    case 'minItems':
    case 'minProperties':
      return errorItem('too_short', loc, input, {
        field_type: fieldType(e),
        min_length: p.limit,
        actual_length: sizeOf(input),
      })
    case 'maxItems':
    case 'maxProperties':
    case 'additionalItems':
      return errorItem('too_long', loc, input, {
        field_type: fieldType(e),
        max_length: p.limit,
        actual_length: sizeOf(input),
      })
    case 'const':
      return errorItem('literal_error', loc, input, { expected: pythonRepr(p.allowedValue) })
    case 'enum':
      return errorItem('enum', loc, input, { expected: expectedList(p.allowedValues) })
    case 'uniqueItems':
      return errorItem('value_error', loc, input, {
        error: `List items should be unique (items ${p.j} and ${p.i} are equal)`,
      })
    default:
      return errorItem('value_error', loc, input, { error: `Input should match the schema's ${e.keyword} constraint` })
  }
}

const sizeOf = (value: unknown): number =>
  Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0

function fieldType(e: ErrorObject): string {
  if (e.keyword.endsWith('Properties')) return 'Dictionary'
  const items = (e.parentSchema as Schema | undefined)?.items
  return Array.isArray(items) || (e.parentSchema as Schema | undefined)?.prefixItems ? 'Tuple' : 'List'
}

// The type pydantic reports for a value of the wrong type. `strict`: no conversion was tried
// (*_type); otherwise a string still here could not be parsed (*_parsing).
function typeError(expected: string, loc: Loc, input: unknown, parent: Schema, mode: Mode): ValidationErrorItem {
  const type = expected.split(',').find((t) => t !== 'null') ?? expected
  const isString = typeof input === 'string'
  const strict = mode === 'strict' || parent.strict === true
  switch (type) {
    case 'integer':
      if (typeof input === 'number')
        return errorItem(!Number.isFinite(input) ? 'finite_number' : strict ? 'int_type' : 'int_from_float', loc, input)
      return errorItem(isString && !strict ? 'int_parsing' : 'int_type', loc, input)
    case 'number': {
      if (typeof input === 'number') return errorItem('finite_number', loc, input) // only inf and nan fail
      const parsed = isString && !strict ? parseFloatText(input) : undefined
      return errorItem(parsed instanceof ParseFailure ? parsed.type : 'float_type', loc, input)
    }
    case 'boolean':
      if (isString) return errorItem(strict ? 'bool_type' : 'bool_parsing', loc, input)
      if (!strict && Number.isInteger(input)) return errorItem('bool_parsing', loc, input)
      return errorItem('bool_type', loc, input)
    case 'string':
      return errorItem('string_type', loc, input)
    case 'array':
      return errorItem(Array.isArray(parent.items) || parent.prefixItems ? 'tuple_type' : 'list_type', loc, input)
    case 'object':
      return errorItem(parent.properties ? 'model_attributes_type' : 'dict_type', loc, input)
    case 'null':
      return errorItem('none_required', loc, input)
    default:
      return errorItem('value_error', loc, input, { error: `Input should be of type ${type}` })
  }
}

// A union's error: pydantic lists every branch; we report the branch the input came closest to.
function unionErrors(e: ErrorObject, data: unknown, base: Loc, mode: Mode): Entry[] {
  const loc = locOf(e.instancePath, data, base)
  const input = e.data
  const branches = (e.schema as unknown[]).map((b) => deref(b) ?? {})
  // A union of literals is one Literal['a', 'b'] to pydantic.
  if (branches.every((b) => 'const' in b || Array.isArray(b.enum))) {
    const values = branches.flatMap((b) => ('const' in b ? [b.const] : (b.enum as unknown[])))
    return [{ item: errorItem('literal_error', loc, input, { expected: expectedList(values) }), path: e.instancePath }]
  }
  // Optional[X] reports X's errors only (a union of nothing but null reports null's).
  const nonNull = branches.filter((b) => b.type !== 'null')
  const candidates = input === null || nonNull.length === 0 ? branches : nonNull
  let chosen: readonly ErrorObject[] | undefined
  for (const branch of candidates) {
    const validate = compileAjv(branch)
    if (validate(input)) continue
    const errors = validate.errors ?? []
    const mismatch = errors.some(
      (x) => x.instancePath === '' && (x.keyword === 'type' || x.keyword === 'const' || x.keyword === 'enum'),
    )
    chosen ??= errors
    if (!mismatch) {
      chosen = errors
      break
    }
  }
  if (chosen === undefined) return [] // several oneOf branches matched; nothing specific to say
  return collect(chosen, input, loc, mode).map((entry) => ({ item: entry.item, path: e.instancePath + entry.path }))
}

/** Position of a loc in the schema's field order, so items come in pydantic's order. */
function orderKey(schema: unknown, rest: Loc): number[] {
  const key: number[] = []
  let current: Schema | undefined = deref(schema)
  for (const segment of rest) {
    if (typeof segment === 'number') {
      key.push(segment)
      const items: unknown = current?.items ?? current?.prefixItems
      current = deref(Array.isArray(items) ? items[segment] : items)
      continue
    }
    const found = findProperty(current, segment)
    key.push(found ? found[0] : Number.MAX_SAFE_INTEGER)
    current = found?.[1]
  }
  return key
}

function findProperty(schema: Schema | undefined, name: string): [number, Schema | undefined] | undefined {
  if (!schema) return undefined
  const properties = schema.properties as Schema | undefined
  if (properties && name in properties) return [Object.keys(properties).indexOf(name), deref(properties[name])]
  for (const group of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of (schema[group] as unknown[] | undefined) ?? []) {
      const found = findProperty(deref(branch), name)
      if (found) return found
    }
  }
  return undefined
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}
