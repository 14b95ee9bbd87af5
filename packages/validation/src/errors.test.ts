import { TypefastError } from '@typefast/dependency-resolution'
import { describe, expect, test } from 'vitest'
import { compileBodyValidator } from './body-validator.js'
import { InvalidSchemaError } from './errors.js'
import { t } from './schema.js'
import { compileSerializer } from './serializer.js'

function caught(fn: () => unknown): TypefastError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(TypefastError)
    return error as TypefastError
  }
  throw new Error('expected an error')
}

describe('TF_INVALID_SCHEMA', () => {
  test('a schema ajv refuses: the schema named by its $id, the keyword, the fix', () => {
    const error = caught(() => compileBodyValidator({ $id: 'Broken', type: 'strin' } as never))
    expect(error).toBeInstanceOf(InvalidSchemaError)
    expect(error.code).toBe('TF_INVALID_SCHEMA')
    expect(error.message).toContain("Cannot compile the validator of schema 'Broken': schema is invalid")
    expect(error.message).toContain('build it with t.*')
    expect(error.cause).toBeInstanceOf(Error)
  })

  test('a schema fast-json-stringify refuses, shown when it has no name', () => {
    const error = caught(() => compileSerializer(t.String({ pattern: '[' })))
    expect(error).toBeInstanceOf(InvalidSchemaError)
    expect(error.message).toContain(
      'Cannot compile the serializer of schema {"type":"string","pattern":"["}: schema is invalid',
    )
  })
})
