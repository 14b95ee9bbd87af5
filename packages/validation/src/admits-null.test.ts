import { describe, expect, test } from 'vitest'
import { admitsNull } from './admits-null.js'
import { t } from './schema.js'

describe('admitsNull', () => {
  test('null types, type lists, OpenAPI nullable and union branches', () => {
    for (const untyped of [true, false]) {
      expect(admitsNull(t.Null(), untyped)).toBe(true)
      expect(admitsNull(t.Union([t.String(), t.Null()]), untyped)).toBe(true)
      expect(admitsNull({ type: ['integer', 'null'] }, untyped)).toBe(true)
      expect(admitsNull({ type: 'string', nullable: true }, untyped)).toBe(true)
      expect(admitsNull({ oneOf: [{ type: 'string' }, { type: 'null' }] }, untyped)).toBe(true)
      expect(admitsNull(t.String(), untyped)).toBe(false)
      expect(admitsNull(t.Union([t.String(), t.Integer()]), untyped)).toBe(false)
      expect(admitsNull({ type: ['integer', 'string'] }, untyped)).toBe(false)
    }
  })

  test('a schema with no type answers the caller’s choice', () => {
    for (const schema of [t.Any(), t.Unknown(), undefined, t.Union([t.String(), t.Any()])]) {
      expect(admitsNull(schema, true)).toBe(true)
      expect(admitsNull(schema, false)).toBe(false)
    }
  })
})
