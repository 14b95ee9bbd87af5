import { describe, expect, test } from 'vitest'
import { thrown } from '../../dependency-resolution/src/testing/startup-error.js'
import { compileBodyValidator } from './body-validator.js'
import { InvalidSchemaError } from './errors.js'
import { t } from './schema.js'
import { compileSerializer } from './serializer.js'

describe('TF_INVALID_SCHEMA', () => {
  test('a schema ajv refuses: the schema named by its $id, the keyword, the fix', () => {
    const error = thrown(
      () => compileBodyValidator({ $id: 'Broken', type: 'strin' } as never),
      InvalidSchemaError,
      'TF_INVALID_SCHEMA',
    )
    expect(error.message).toContain("Cannot compile the validator of schema 'Broken': schema is invalid")
    expect(error.message).toContain('build it with t.*')
    expect(error.cause).toBeInstanceOf(Error)
  })

  test('a schema fast-json-stringify refuses, shown when it has no name', () => {
    const error = thrown(() => compileSerializer(t.String({ pattern: '[' })), InvalidSchemaError, 'TF_INVALID_SCHEMA')
    expect(error.message).toContain(
      'Cannot compile the serializer of schema {"type":"string","pattern":"["}: schema is invalid',
    )
  })
})
