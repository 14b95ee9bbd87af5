import { TypefastError } from '@typefast/dependency-resolution'

// The errors a schema or a build can cause at start-up; the catalogue is docs/reference/errors.md.

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

/**
 * The app was started from a `typefast build` output that no longer matches it (a route, a
 * schema or a dependency changed since): rerun the build. Never a silent mismatch.
 */
export class StaleBuildError extends TypefastError {
  constructor(command: string, what: string) {
    super(
      'TF_STALE_BUILD',
      `The compiled build does not match the app: ${what} Rebuild it with \`${command}\`, or start the app without it.`,
    )
  }
}
