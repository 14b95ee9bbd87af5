import { TypefastError } from '@typefast/dependency-resolution'

// The error a schema can cause when it is compiled (at start-up, for the route that uses it); the
// catalogue is docs/reference/errors.md.

/** ajv or fast-json-stringify refused a schema: it is not valid JSON Schema. */
export class InvalidSchemaError extends TypefastError {
  constructor(use: 'validator' | 'serializer', schema: unknown, cause: unknown) {
    super(
      'TF_INVALID_SCHEMA',
      `Cannot compile the ${use} of schema ${describe(schema)}: ${(cause as Error).message}. ` +
        'Fix the schema: build it with t.* (TypeBox), whose schemas are valid JSON Schema, or correct the keyword named.',
      { cause },
    )
  }
}

function describe(schema: unknown): string {
  const s = schema as { $id?: unknown; title?: unknown } | null
  if (typeof s?.$id === 'string') return `'${s.$id}'`
  if (typeof s?.title === 'string') return `'${s.title}'`
  const text = JSON.stringify(schema) ?? String(schema)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
