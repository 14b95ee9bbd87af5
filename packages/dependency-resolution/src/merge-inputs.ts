import { type TObject, type TSchema, Type } from 'typebox'
import { sameSchema } from './canonical-json.js'
import { InputConflictError } from './errors.js'
import type { InputSchemas } from './inputs.js'
import { type ParameterKey, type ParameterLocation, parameterLocations } from './parameter-locations.js'

// Keywords rebuilt by the merge; `$id` is dropped because a merged object is no longer the named schema.
const STRUCTURAL = new Set(['type', 'properties', 'required', '$id'])

interface Field {
  schema: TSchema
  required: boolean
  declarer: string
}

/** One location's object schemas being merged, remembering who declared each field first. */
class ObjectMerge {
  readonly sources: TObject[] = []
  readonly fields = new Map<string, Field>()

  add(schema: TObject, declarer: string, location: ParameterLocation, prefix: string): void {
    const required = new Set(schema.required ?? [])
    for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
      const field = { schema: propertySchema, required: required.has(name), declarer }
      const known = this.fields.get(name)
      if (known === undefined) this.fields.set(name, field)
      else if (known.required !== field.required || !sameSchema(known.schema, field.schema)) {
        throw new InputConflictError(prefix, `${location.noun} '${name}'`, known.declarer, declarer)
      }
    }
    if (!this.sources.includes(schema)) this.sources.push(schema)
  }

  result(): TObject | undefined {
    // A single declaration is kept as it is: same identity, same $id.
    if (this.sources.length <= 1) return this.sources[0]
    const options: Record<string, unknown> = {}
    for (const source of this.sources) {
      for (const [key, value] of Object.entries(source)) if (!STRUCTURAL.has(key)) options[key] = value
    }
    const properties: Record<string, TSchema> = {}
    const required: string[] = []
    for (const [name, field] of this.fields) {
      properties[name] = field.schema
      if (field.required) required.push(name)
    }
    // Type.Object keeps TypeBox's hidden kind markers; `required` is set from the sources because
    // plain JSON schemas carry no optional markers on their properties.
    const merged: TObject = Type.Object(properties, options)
    const writable = merged as unknown as { required?: string[] }
    if (required.length > 0) writable.required = required
    else delete writable.required
    return merged
  }
}

/**
 * Merges the input declarations of several declarers (a route, its dependencies) per location.
 * Throws when the same name is declared with different schemas, naming both declarers.
 */
export class InputMerger {
  readonly #objects: Record<ParameterKey, ObjectMerge> = {
    params: new ObjectMerge(),
    query: new ObjectMerge(),
    headers: new ObjectMerge(),
    cookies: new ObjectMerge(),
  }
  #body: { schema: TSchema; declarer: string } | undefined
  readonly #prefix: string

  /** `prefix` starts every error message, e.g. 'GET /items: '. */
  constructor(prefix = '') {
    this.#prefix = prefix
  }

  add(schemas: InputSchemas, declarer: string): void {
    for (const location of parameterLocations) {
      const schema = schemas[location.key]
      if (schema !== undefined) this.#objects[location.key].add(schema, declarer, location, this.#prefix)
    }
    const body = schemas.body
    if (body === undefined) return
    if (this.#body === undefined) this.#body = { schema: body, declarer }
    else if (!sameSchema(this.#body.schema, body)) {
      throw new InputConflictError(this.#prefix, 'the body', this.#body.declarer, declarer)
    }
  }

  result(): InputSchemas {
    const merged: InputSchemas = {}
    for (const { key } of parameterLocations) {
      const schema = this.#objects[key].result()
      if (schema !== undefined) merged[key] = schema
    }
    if (this.#body !== undefined) merged.body = this.#body.schema
    return merged
  }
}

/**
 * Merge two input declarations (e.g. the route's own spec and plan.inputs) into one per location:
 * object schemas' properties and required lists united. Throws an Error naming both declarers when
 * the same name is declared with different schemas (deep-compare JSON), or when two different body
 * schemas meet.
 */
export function mergeInputSchemas(a: InputSchemas, b: InputSchemas, labels: { a: string; b: string }): InputSchemas {
  const merger = new InputMerger()
  merger.add(a, labels.a)
  merger.add(b, labels.b)
  return merger.result()
}
