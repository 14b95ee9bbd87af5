import { TypefastError } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { DuplicateSchemaIdError, SelfContainingSchemaError, UnresolvedSchemaRefError } from './errors.js'
import { SchemaRegistry } from './schema-registry.js'

function caught(fn: () => unknown): TypefastError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(TypefastError)
    return error as TypefastError
  }
  throw new Error('expected an error')
}

describe('OpenAPI errors: class, code, the route and the fix', () => {
  test('TF_DUPLICATE_SCHEMA_ID', () => {
    const registry = new SchemaRegistry()
    registry.convert(t.Object({ a: t.String() }, { $id: 'A' }), 'GET /one')
    const error = caught(() => registry.convert(t.Object({ a: t.Number() }, { $id: 'A' }), 'POST /two'))
    expect(error).toBeInstanceOf(DuplicateSchemaIdError)
    expect(error.code).toBe('TF_DUPLICATE_SCHEMA_ID')
    expect(error.message).toContain("$id 'A': one in GET /one, another in POST /two. Give them different $id values")
  })

  test('TF_SELF_CONTAINING_SCHEMA', () => {
    const anonymous: Record<string, unknown> = { type: 'array' }
    anonymous.items = anonymous
    const error = caught(() => new SchemaRegistry().convert(anonymous, 'GET /tree'))
    expect(error).toBeInstanceOf(SelfContainingSchemaError)
    expect(error.code).toBe('TF_SELF_CONTAINING_SCHEMA')
    expect(error.message).toContain('GET /tree: a schema contains itself as an object; give it an $id')
  })

  test('TF_UNRESOLVED_SCHEMA_REF', () => {
    const registry = new SchemaRegistry()
    registry.convert(t.Array(t.Ref('Missing')), 'GET /x')
    const error = caught(() => registry.components())
    expect(error).toBeInstanceOf(UnresolvedSchemaRefError)
    expect(error.code).toBe('TF_UNRESOLVED_SCHEMA_REF')
    expect(error.message).toContain("GET /x: a schema has $ref 'Missing'")
    expect(error.message).toContain('use the schema itself somewhere, or inline it')
  })
})
