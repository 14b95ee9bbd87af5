import AjvModule, { type ValidateFunction } from 'ajv'
import formatsModule from 'ajv-formats'
import { InvalidSchemaError } from './errors.js'
import { prebuiltValidator } from './prebuilt.js'

// One ajv instance for the process. Named schemas (those with an `$id`) are registered in it
// once and every other occurrence becomes a `$ref`, so the same named schema can appear in any
// number of routes without ajv's "schema with key or id already exists".

type Schema = Record<string, unknown>

const Ajv = AjvModule.default
const addFormats = formatsModule.default

/** The options of every ajv instance: this process's, and the one `typefast build` writes standalone code with. */
export const ajvOptions = {
  allErrors: true, // every failing field is reported
  verbose: true, // errors carry the failing data and parent schema, to build pydantic's items
  // Defaults are filled by valid-finisher.ts after a body is valid, so a 422 shows the input as received.
  useDefaults: false,
  strict: false, // TypeBox options such as `description` or `~kind` are not ajv keywords
  // Infinity (JSON's 1e400) is no number: refused, as pydantic refuses it where it must be finite.
  strictNumbers: true,
  messages: false, // messages are written by error-map.ts
  // No dead-name elimination pass over the generated code: it halves ajv.compile's time (start-up of an
  // app of many routes) and V8 removes the unused assignments it would strip anyway.
  code: { optimize: false },
} as const

/** Validators made from source by ajv; created on the first compile (an app started from a build never needs it). */
let ajvInstance: InstanceType<typeof Ajv> | undefined

function ajv(): InstanceType<typeof Ajv> {
  if (ajvInstance === undefined) {
    ajvInstance = new Ajv(ajvOptions)
    addFormats(ajvInstance)
  }
  return ajvInstance
}

/** Makes an ajv instance with this process's options and formats, plus `code` options (for standalone code). */
export function newAjv(code: Record<string, unknown>): InstanceType<typeof Ajv> {
  const instance = new Ajv({ ...ajvOptions, code: { ...ajvOptions.code, ...code } })
  addFormats(instance)
  return instance
}

interface Named {
  schema: Schema
}
const named = new Map<string, Named>()
const keyBySource = new WeakMap<object, string>()
const keyByJson = new Map<string, string>()
const preparedCache = new WeakMap<object, Schema>()
// Named schemas not yet known to ajv: added on its next compile, so that a named schema only
// serializers use never reaches ajv (nor its meta-schema check).
const namedForAjv: Schema[] = []

// Keywords whose values are data, not schemas.
const dataKeywords = new Set(['default', 'const', 'enum', 'examples', 'example'])
// Keywords whose values map names to schemas.
const mapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

// `strict: true` (pydantic's strict mode for a model or field) is copied onto every schema
// below it, so each check there knows it, without a walk up.
function clone(node: unknown, root: boolean, strict = false): unknown {
  if (Array.isArray(node)) return node.map((n) => clone(n, false, strict))
  if (node === null || typeof node !== 'object') return node
  const schema = node as Schema
  if (!root && typeof schema.$id === 'string') return { $ref: register(schema) }
  const out: Schema = {}
  const strictHere = strict || schema.strict === true
  if (strictHere) out.strict = true
  for (const key of Object.keys(schema)) {
    const value = schema[key]
    if (dataKeywords.has(key) || value === null || typeof value !== 'object') out[key] = value
    else if (mapKeywords.has(key)) {
      const map: Schema = {}
      for (const name of Object.keys(value)) map[name] = clone((value as Schema)[name], false, strictHere)
      out[key] = map
    } else out[key] = clone(value, false, strictHere)
  }
  // TypeBox lists a property with a default in `required`; it may be absent (it is filled in).
  const properties = out.properties as Record<string, Schema> | undefined
  if (properties && Array.isArray(out.required)) {
    out.required = out.required.filter((k: string) => !(properties[k] && 'default' in properties[k]))
  }
  return out
}

/**
 * Register a named schema once and return the key ajv knows it by: its `$id`, or, when another
 * app in the process already uses that `$id` for a different schema, a derived key. Names need
 * only be unique within one app (the OpenAPI document checks that), not across the process.
 */
function register(schema: Schema): string {
  const known = keyBySource.get(schema)
  if (known !== undefined) return known
  const id = schema.$id as string
  const body = clone(schema, true) as Schema
  const json = JSON.stringify(body)
  // A structurally equal copy (e.g. built twice by a factory) is the same schema.
  let key = keyByJson.get(json)
  if (key === undefined) {
    key = named.has(id) ? `${id}~${named.size}` : id
    body.$id = key
    named.set(key, { schema: body })
    keyByJson.set(json, key)
    namedForAjv.push(body)
  }
  keyBySource.set(schema, key)
  return key
}

/** The schema with every nested named schema replaced by a `$ref` (the root too, if named). */
export function prepare(schema: object): Schema {
  let out = preparedCache.get(schema)
  if (out === undefined) {
    out = clone(schema, false) as Schema
    preparedCache.set(schema, out)
  }
  return out
}

/** Follows a `$ref` to a registered named schema. */
export function deref(schema: unknown): Schema | undefined {
  if (schema === null || typeof schema !== 'object') return undefined
  const ref = (schema as Schema).$ref
  if (typeof ref === 'string') return named.get(ref.replace(/#$/, ''))?.schema ?? (schema as Schema)
  return schema as Schema
}

/** The named schemas a prepared schema refers to, directly or through other named schemas. */
export function referencedNamed(schema: Schema): Record<string, Schema> {
  const found: Record<string, Schema> = {}
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const n of node) visit(n)
      return
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const id = value.replace(/#$/, '')
        const target = named.get(id)
        if (target && !(id in found)) {
          found[id] = target.schema
          visit(target.schema)
        }
      } else if (!dataKeywords.has(key)) visit(value)
    }
  }
  visit(schema)
  return found
}

/** Every named schema registered so far, by the key ajv knows it by. */
export function namedSchemas(): ReadonlyMap<string, Schema> {
  return new Map([...named].map(([key, { schema }]) => [key, schema]))
}

/**
 * The canonical form of a prepared schema: its JSON, with the named schemas it refers to. Two
 * schemas with the same key validate alike, however many objects spell them out, and a key
 * means the same schema in any process (a `$ref` alone would depend on registration order).
 */
export function schemaKey(prepared: Schema): string {
  const json = JSON.stringify(prepared)
  return json.includes('"$ref"') ? `${json}\n${JSON.stringify(referencedNamed(prepared))}` : json
}

/**
 * What `compile` makes of a schema, once per schema object and once per canonical form, so that
 * equal schemas built apart share one compiled function. `byKey` keeps each entry (with what
 * `typefast build` writes out of it) by canonical form.
 */
export function compiledOnce<T, E extends { readonly compiled: T }>(
  bySchema: WeakMap<object, T>,
  byKey: Map<string, E>,
  schema: object,
  compile: (prepared: Schema, key: string, schema: object) => E,
): T {
  let compiled = bySchema.get(schema)
  if (compiled === undefined) {
    const prepared = prepare(schema)
    const key = schemaKey(prepared)
    let entry = byKey.get(key)
    if (entry === undefined) {
      entry = compile(prepared, key, schema)
      byKey.set(key, entry)
    }
    compiled = entry.compiled
    bySchema.set(schema, compiled)
  }
  return compiled
}

const validators = new WeakMap<object, ValidateFunction>()
const validatorsByKey = new Map<string, { compiled: ValidateFunction; prepared: Schema }>()

/** The ajv validator of a schema: taken from a build when there is one, else compiled by ajv. */
export function compileAjv(schema: object): ValidateFunction {
  return compiledOnce(validators, validatorsByKey, schema, validatorEntry)
}

function validatorEntry(prepared: Schema, key: string, schema: object) {
  return { compiled: prebuiltValidator(key) ?? compileWithAjv(prepared, schema), prepared }
}

function compileWithAjv(prepared: Schema, schema: object): ValidateFunction {
  const instance = ajv()
  try {
    for (const body of namedForAjv.splice(0)) instance.addSchema(body)
    return instance.compile(prepared)
  } catch (cause) {
    throw new InvalidSchemaError('validator', schema, cause)
  }
}

/** Every schema compiled so far, by canonical form (what `typefast build` writes out). */
export function compiledSchemas(): ReadonlyMap<string, Schema> {
  return new Map([...validatorsByKey].map(([key, { prepared }]) => [key, prepared]))
}
