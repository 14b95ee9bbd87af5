import fastJson from 'fast-json-stringify'
import type { TSchema } from 'typebox'
import { prepare, referencedNamed } from './registry.js'

// Response serializers by fast-json-stringify: only the schema's fields are written, so
// nothing a handler returns beyond the schema leaks. Named schemas are passed as external
// schemas and referenced, so one named schema can be used by any number of serializers.

export type Serializer = (value: unknown) => string

const cache = new WeakMap<object, Serializer>()

/** Compiled once per schema object. */
export function compileSerializer(schema: TSchema): Serializer {
  let serializer = cache.get(schema)
  if (serializer === undefined) {
    const prepared = prepare(schema)
    // fast-json-stringify may annotate the schemas it is given: hand it copies.
    const root = relaxDefaulted(structuredClone(prepared))
    const externals = relaxDefaulted(structuredClone(referencedNamed(prepared)))
    serializer = fastJson(root as never, { schema: externals as never }) as Serializer
    cache.set(schema, serializer)
  }
  return serializer
}

// TypeBox lists a property with a default in `required`; the serializer writes the default for
// a missing value, and fast-json-stringify's union branch test must not reject it for that.
function relaxDefaulted<T>(node: T): T {
  if (Array.isArray(node)) for (const n of node) relaxDefaulted(n)
  else if (node !== null && typeof node === 'object') {
    const schema = node as Record<string, unknown>
    const properties = schema.properties as Record<string, Record<string, unknown>> | undefined
    if (properties && Array.isArray(schema.required)) {
      schema.required = schema.required.filter((k: string) => !(properties[k] && 'default' in properties[k]))
    }
    for (const [key, value] of Object.entries(schema))
      if (key !== 'default' && key !== 'const' && key !== 'enum') relaxDefaulted(value)
  }
  return node
}
