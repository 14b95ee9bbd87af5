import { describe, expect, test } from 'vitest'
import { bigInteger, hasBigIntegers, isBigIntegerSchema, roundUnlessBigInteger } from './big-integer-schema.js'
import { compileBodyValidator } from './body-validator.js'
import { compileInputValidator } from './input-validator.js'
import { t } from './schema.js'

const big = 9007199254740993n

describe('integers beyond 2^53', () => {
  test('a t.Integer() field gets the nearest number, a bigInteger() field the bigint', () => {
    const validate = compileBodyValidator(
      t.Object({ plain: t.Integer(), exact: bigInteger(), list: t.Array(bigInteger()), note: t.Optional(t.String()) }),
    )
    expect(validate({ plain: big, exact: big, list: [big, 1] })).toEqual({
      ok: true,
      value: { plain: 9007199254740992, exact: big, list: [big, 1] },
    })
  })

  test('a body without bigInteger() fields is all numbers', () => {
    expect(compileBodyValidator(t.Object({ n: t.Integer() }))({ n: -big })).toEqual({
      ok: true,
      value: { n: -9007199254740992 },
    })
  })

  test('path, query, header and cookie values follow the same rule', () => {
    const validate = compileInputValidator(
      t.Object({ plain: t.Integer(), exact: t.Optional(t.Union([bigInteger(), t.Null()])) }),
      'query',
    )
    expect(validate({ plain: '9007199254740993', exact: '9007199254740993' })).toEqual({
      ok: true,
      value: { plain: 9007199254740992, exact: big },
    })
  })

  test('bounds are checked on the value', () => {
    const result = compileBodyValidator(t.Object({ n: bigInteger({ maximum: 10 }) }))({ n: big })
    expect(result.ok).toBe(false)
  })

  test('the opt-in is found through unions, arrays and named schemas', () => {
    const Named = t.Object({ id: bigInteger() }, { $id: 'BigIntegerSchemaNamed' })
    expect(hasBigIntegers(t.Object({ inner: Named }))).toBe(true)
    expect(hasBigIntegers(t.Object({ n: t.Integer() }))).toBe(false)
    expect(isBigIntegerSchema(t.Array(bigInteger()))).toBe(true)
    expect(isBigIntegerSchema(t.Integer())).toBe(false)
    const schema = t.Object({ pick: t.Union([t.Object({ id: bigInteger() }), t.Null()]), other: t.Integer() })
    expect(roundUnlessBigInteger(schema, { pick: { id: big }, other: big })).toEqual({
      pick: { id: big },
      other: 9007199254740992,
    })
  })
})
