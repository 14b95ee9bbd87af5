import { deepEqual } from './deep-equal.js'
import { DuplicateSchemaIdError, SelfContainingSchemaError, UnresolvedSchemaRefError } from './errors.js'
import { isPlainObject, toJson } from './json.js'
import { pydanticTitle } from './names.js'
import { type KeyOrder, ordered, pydanticStyle, withFieldTitle } from './pydantic-style.js'
import type { SchemaObject } from './types.js'

const REF_PREFIX = '#/components/schemas/'

/** Keywords whose value is one subschema, an array of subschemas, or a map from names to subschemas. */
const ONE_SCHEMA = new Set([
  'items',
  'contentSchema',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
])
const SCHEMA_LIST = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems'])
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'])

interface Component {
  schema: SchemaObject
  source: object
  where: string
}

/**
 * Collects named schemas: every schema with `$id` goes once into components/schemas under that id
 * and is replaced by a `$ref` wherever it appears; `$ref`s naming an `$id` (TypeBox's `Type.Ref`,
 * `Type.Cyclic`) point there too, so recursive schemas become recursive `$ref`s instead of loops.
 */
export class SchemaRegistry {
  readonly #components = new Map<string, Component>()
  /** $id -> component name (ids may hold characters a component name cannot). */
  readonly #names = new Map<string, string>()
  /** component name -> where it was first referenced, to report a $ref to no schema. */
  readonly #references = new Map<string, string>()
  /** Named schemas being converted right now: a reference back to one of them is recursion. */
  readonly #inProgress = new Set<object>()

  /**
   * The schema as document JSON, written as pydantic writes it, keys in `order` (see pydantic-style.ts). `where` names the route in error messages: 'GET /items/{item_id}'.
   */
  convert(schema: unknown, where: string, order: KeyOrder = 'model'): SchemaObject {
    const converted = this.#schema(schema, where, new Set(), order)
    return isPlainObject(converted) ? converted : {}
  }

  /** Adds a schema under a fixed name (the validation error schemas). */
  define(name: string, schema: SchemaObject): void {
    this.#named(name, { ...schema, $id: name }, `typefast's own ${name} schema`, new Set())
  }

  /** components/schemas, sorted by name as FastAPI does; throws if a $ref names no schema. */
  components(): Record<string, SchemaObject> {
    for (const [name, where] of this.#references) {
      if (!this.#components.has(name)) {
        throw new UnresolvedSchemaRefError(where, name)
      }
    }
    const names = [...this.#components.keys()].sort()
    return Object.fromEntries(names.map((name) => [name, this.#components.get(name)!.schema]))
  }

  #schema(schema: unknown, where: string, path: Set<object>, order: KeyOrder): unknown {
    if (typeof schema === 'boolean') return schema
    if (!isPlainObject(schema)) return toJson(schema)
    const id = schema.$id
    if (typeof id === 'string') return this.#named(id, schema, where, path)
    if (path.has(schema)) {
      throw new SelfContainingSchemaError(where)
    }
    path.add(schema)
    const out = this.#body(schema, where, path, order)
    path.delete(schema)
    return out
  }

  #named(id: string, schema: Record<string, unknown>, where: string, path: Set<object>): SchemaObject {
    const name = this.#nameFor(id)
    const ref = { $ref: REF_PREFIX + name }
    const existing = this.#components.get(name)
    if (this.#inProgress.has(schema) || existing?.source === schema) return ref
    this.#inProgress.add(schema)
    // A component is a model: titled by its name, as pydantic titles a model by its class.
    const converted = this.#body(schema, where, path, 'model')
    const body = 'title' in converted ? converted : ordered({ ...converted, title: id }, 'model')
    this.#inProgress.delete(schema)
    if (existing === undefined) {
      this.#components.set(name, { schema: body, source: schema, where })
    } else if (!deepEqual(existing.schema, body)) {
      throw new DuplicateSchemaIdError(id, existing.where, where)
    }
    return ref
  }

  #body(schema: Record<string, unknown>, where: string, path: Set<object>, order: KeyOrder): SchemaObject {
    const out: SchemaObject = {}
    for (const key of Object.keys(schema)) {
      const value = schema[key]
      if (key === '$id') continue
      if (key === 'required' && Array.isArray(value)) {
        const required = requiredWithoutDefaults(value, schema.properties)
        if (required.length > 0) out.required = required
      } else if (key === '$ref' && typeof value === 'string') out.$ref = this.#ref(value, where)
      else if (ONE_SCHEMA.has(key)) out[key] = this.#schema(value, where, path, order)
      else if (SCHEMA_LIST.has(key) && Array.isArray(value))
        out[key] = value.map((s) => this.#schema(s, where, path, order))
      else if (SCHEMA_MAP.has(key) && isPlainObject(value)) {
        const map = this.#schemaMap(key, value, where, path, order)
        if (map !== undefined) out[key] = map
      } else {
        const copied = toJson(value)
        if (copied !== undefined) out[key] = copied
      }
    }
    return pydanticStyle(out, order)
  }

  #schemaMap(
    key: string,
    map: Record<string, unknown>,
    where: string,
    path: Set<object>,
    order: KeyOrder,
  ): SchemaObject | undefined {
    const out: SchemaObject = {}
    for (const name of Object.keys(map)) {
      const member = map[name]
      const schema = this.#schema(member, where, path, order)
      // pydantic titles every field after its name ('item_id' -> 'Item Id').
      const converted =
        key === 'properties' && isPlainObject(schema) ? withFieldTitle(schema, pydanticTitle(name), order) : schema
      // A definition with an $id now lives in components; $refs reach it there, not through $defs.
      const hoisted =
        (key === '$defs' || key === 'definitions') && isPlainObject(member) && typeof member.$id === 'string'
      if (!hoisted) out[name] = converted
    }
    return (key === '$defs' || key === 'definitions') && Object.keys(out).length === 0 ? undefined : out
  }

  /** A $ref to an $id ('Node', as TypeBox writes them) becomes a $ref into components. */
  #ref(ref: string, where: string): string {
    if (ref.startsWith('#')) return ref
    const name = this.#nameFor(ref)
    if (!this.#references.has(name)) this.#references.set(name, where)
    return REF_PREFIX + name
  }

  /** Component names allow only [A-Za-z0-9._-]; other characters become '_', kept distinct per id. */
  #nameFor(id: string): string {
    const known = this.#names.get(id)
    if (known !== undefined) return known
    const base = id.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema'
    const taken = new Set(this.#names.values())
    let name = base
    for (let n = 1; taken.has(name); n++) name = `${base}_${n}`
    this.#names.set(id, name)
    return name
  }
}

/**
 * TypeBox lists a property with a default as required; to a client it is optional (FastAPI and
 * pydantic document it so), since the server fills it in.
 */
export function requiredWithoutDefaults(required: unknown[], properties: unknown): unknown[] {
  if (!isPlainObject(properties)) return required
  return required.filter((name) => {
    const property = typeof name === 'string' ? properties[name] : undefined
    return !(isPlainObject(property) && 'default' in property)
  })
}
