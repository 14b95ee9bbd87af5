import fastJson from 'fast-json-stringify'
import type { TSchema } from 'typebox'
import { admitsNull } from './admits-null.js'
import { InvalidSchemaError } from './errors.js'
import { prebuiltSerializer } from './prebuilt.js'
import { compiledOnce, referencedNamed } from './registry.js'

// Response serializers by fast-json-stringify: only the schema's fields are written, so
// nothing a handler returns beyond the schema leaks. Named schemas are passed as external
// schemas and referenced, so one named schema can be used by any number of serializers.

export type Serializer = (value: unknown) => string

type Schema = Record<string, unknown>

/** What fast-json-stringify is given for one serializer: the root schema and the named ones it refers to. */
export interface SerializerSchemas {
  root: Schema
  externals: Record<string, Schema>
}

const cache = new WeakMap<object, Serializer>()
// The schemas are kept for `typefast build`; a serializer taken from a build has none.
const byKey = new Map<string, { compiled: Serializer; schemas: SerializerSchemas | undefined }>()

/** Compiled once per schema object, and once per canonical form of the schema. */
export function compileSerializer(schema: TSchema): Serializer {
  return compiledOnce(cache, byKey, schema, serializerEntry)
}

function serializerEntry(prepared: Schema, key: string, schema: object) {
  const prebuilt = prebuiltSerializer(key)
  const schemas = prebuilt === undefined ? fastJsonSchemas(prepared) : undefined
  return { compiled: prebuilt ?? fastJsonSerializer(schemas!, schema as TSchema), schemas }
}

/** The schemas of every serializer compiled so far, by canonical form (what `typefast build` writes out). */
export function compiledSerializerSchemas(): ReadonlyMap<string, SerializerSchemas> {
  const found = new Map<string, SerializerSchemas>()
  for (const [key, { schemas }] of byKey) if (schemas !== undefined) found.set(key, schemas)
  return found
}

function fastJsonSerializer(schemas: SerializerSchemas, schema: TSchema): Serializer {
  try {
    return fastJson(schemas.root as never, { schema: schemas.externals as never }) as Serializer
  } catch (cause) {
    throw new InvalidSchemaError('serializer', schema, cause)
  }
}

function fastJsonSchemas(prepared: Schema): SerializerSchemas {
  // fast-json-stringify may annotate the schemas it is given: hand it copies.
  const root = asFastJsonSchema(structuredClone(prepared))
  const externals = referencedNamed(prepared)
  for (const id of Object.keys(externals)) externals[id] = asFastJsonSchema(structuredClone(externals[id]!))
  return { root, externals }
}

// Keywords whose values are data, not schemas.
const dataKeywords = new Set(['default', 'const', 'enum', 'examples', 'example', 'required'])
// Keywords whose values map names to schemas.
const mapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

/**
 * Rewrites a schema copy so fast-json-stringify writes what FastAPI writes:
 * - keys in declaration order: it writes `required` keys first, so only the leading run of
 *   required keys stays required (TypeScript already checks the handler returns them all);
 * - `T | null` as `nullable` T: no union test at run time, and bigints pass as integers;
 * - an optional nullable property (`x: str | None = None`) absent from the value as `null`.
 */
function asFastJsonSchema<T>(node: T): T {
  if (Array.isArray(node)) for (const n of node) asFastJsonSchema(n)
  else if (node !== null && typeof node === 'object') {
    const schema = node as Schema
    for (const [key, value] of Object.entries(schema)) {
      if (mapKeywords.has(key)) for (const sub of Object.values(value as Schema)) asFastJsonSchema(sub)
      else if (!dataKeywords.has(key)) asFastJsonSchema(value)
    }
    asNullable(schema)
    const properties = schema.properties as Record<string, Schema> | undefined
    if (properties !== undefined) {
      const required = new Set((schema.required as string[] | undefined) ?? [])
      const keys = Object.keys(properties)
      const leading = keys.findIndex((k) => !required.has(k))
      schema.required = leading === -1 ? keys.filter((k) => required.has(k)) : keys.slice(0, leading)
      for (const key of keys) {
        const property = properties[key]!
        if (!required.has(key) && !('default' in property) && admitsNull(property, false)) property.default = null
      }
    }
  }
  return node
}

function asNullable(schema: Schema): void {
  const branches = schema.anyOf as Schema[] | undefined
  if (!Array.isArray(branches) || branches.length !== 2) return
  const nullAt = branches.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1)
  const other = branches[1 - nullAt]
  if (nullAt === -1 || other === undefined || typeof other.type !== 'string' || other.type === 'null') return
  if (other.anyOf !== undefined || other.oneOf !== undefined || other.allOf !== undefined) return
  delete schema.anyOf
  Object.assign(schema, other, { nullable: true })
}
