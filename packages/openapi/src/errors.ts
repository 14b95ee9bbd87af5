import { TypefastError } from '@typefast/dependency-resolution'

// Every error the OpenAPI document can find in the routes' schemas, one class and one code each;
// the catalogue is docs/reference/errors.md. They surface when the document is built.

/** Two different schemas carry the same `$id`, so one `components/schemas` entry cannot stand for both. */
export class DuplicateSchemaIdError extends TypefastError {
  constructor(id: string, first: string, second: string) {
    super(
      'TF_DUPLICATE_SCHEMA_ID',
      `Two different schemas have $id '${id}': one in ${first}, another in ${second}. Give them different $id values, or reuse one schema value`,
    )
  }
}

/** A schema object that contains itself without an `$id`, which JSON cannot write. */
export class SelfContainingSchemaError extends TypefastError {
  constructor(where: string) {
    super(
      'TF_SELF_CONTAINING_SCHEMA',
      `${where}: a schema contains itself as an object; give it an $id so it can be a $ref`,
    )
  }
}

/** A `$ref` to an `$id` that no route's schema defines. */
export class UnresolvedSchemaRefError extends TypefastError {
  constructor(where: string, name: string) {
    super(
      'TF_UNRESOLVED_SCHEMA_REF',
      `${where}: a schema has $ref '${name}' but no schema with $id '${name}' appears in any route; use the schema itself somewhere, or inline it`,
    )
  }
}
