import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { thrown } from '../../dependency-resolution/src/testing/startup-error.js'
import { DuplicateSchemaIdError, SelfContainingSchemaError, UnresolvedSchemaRefError } from './errors.js'
import { SchemaRegistry } from './schema-registry.js'

describe('OpenAPI errors: class, code, the route and the fix', () => {
  test('TF_DUPLICATE_SCHEMA_ID', () => {
    const registry = new SchemaRegistry()
    registry.convert(t.Object({ a: t.String() }, { $id: 'A' }), 'GET /one')
    const error = thrown(
      () => registry.convert(t.Object({ a: t.Number() }, { $id: 'A' }), 'POST /two'),
      DuplicateSchemaIdError,
      'TF_DUPLICATE_SCHEMA_ID',
    )
    expect(error.message).toContain("$id 'A': one in GET /one, another in POST /two. Give them different $id values")
  })

  test('TF_SELF_CONTAINING_SCHEMA', () => {
    const anonymous: Record<string, unknown> = { type: 'array' }
    anonymous.items = anonymous
    const error = thrown(
      () => new SchemaRegistry().convert(anonymous, 'GET /tree'),
      SelfContainingSchemaError,
      'TF_SELF_CONTAINING_SCHEMA',
    )
    expect(error.message).toContain('GET /tree: a schema contains itself as an object; give it an $id')
  })

  test('TF_UNRESOLVED_SCHEMA_REF', () => {
    const registry = new SchemaRegistry()
    registry.convert(t.Array(t.Ref('Missing')), 'GET /x')
    const error = thrown(() => registry.components(), UnresolvedSchemaRefError, 'TF_UNRESOLVED_SCHEMA_REF')
    expect(error.message).toContain("GET /x: a schema has $ref 'Missing'")
    expect(error.message).toContain('use the schema itself somewhere, or inline it')
  })
})
