import { describe, expect, it } from 'vitest'
import { compileBodyValidator } from './body-validator.js'
import { t } from './schema.js'

const errorsOf = (result: ReturnType<ReturnType<typeof compileBodyValidator>>) => {
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

const Item = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
    description: t.Optional(t.String()),
  },
  { $id: 'BodyItem' },
)

describe('body validation', () => {
  const validate = compileBodyValidator(Item)

  it('accepts and fills defaults (tags is in required, yet may be absent)', () => {
    expect(Item.required).toContain('tags')
    expect(validate({ name: 'Foo', price: 3.5 })).toEqual({ ok: true, value: { name: 'Foo', price: 3.5, tags: [] } })
  })

  // FastAPI tests/test_tutorial/test_body/test_tutorial001.py::test_post_with_only_name
  it('missing field: input is the containing object', () => {
    expect(errorsOf(validate({ name: 'Foo' }))).toEqual([
      { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: { name: 'Foo' } },
    ])
  })

  // FastAPI tests/test_tutorial/test_body/test_tutorial001.py::test_post_with_str_float_description
  it('float_parsing for a non-numeric string, in field order', () => {
    expect(errorsOf(validate({ name: '', price: 'twenty', description: 42 }))).toEqual([
      {
        type: 'string_too_short',
        loc: ['body', 'name'],
        msg: 'String should have at least 1 character',
        input: '',
        ctx: { min_length: 1 },
      },
      {
        type: 'float_parsing',
        loc: ['body', 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'twenty',
      },
      { type: 'string_type', loc: ['body', 'description'], msg: 'Input should be a valid string', input: 42 },
    ])
  })

  it('greater_than; a numeric string is a number (lax), a type error when strict', () => {
    expect(errorsOf(validate({ name: 'x', price: 0 }))).toEqual([
      { type: 'greater_than', loc: ['body', 'price'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
    ])
    expect(validate({ name: 'x', price: '5' })).toEqual({ ok: true, value: { name: 'x', price: 5, tags: [] } })
    expect(errorsOf(compileBodyValidator(Item, { strict: true })({ name: 'x', price: '5' }))[0]!.type).toBe(
      'float_type',
    )
  })

  // FastAPI tests/test_tutorial/test_body/test_tutorial001.py::test_post_form_for_json / body not an object
  it('model_attributes_type when the body is not an object', () => {
    expect(errorsOf(validate('name=Foo&price=50.5'))).toEqual([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 'name=Foo&price=50.5',
      },
    ])
  })

  it('list_type and items with their index', () => {
    expect(errorsOf(validate({ name: 'x', price: 1, tags: 'a' }))).toEqual([
      { type: 'list_type', loc: ['body', 'tags'], msg: 'Input should be a valid list', input: 'a' },
    ])
    expect(errorsOf(validate({ name: 'x', price: 1, tags: ['a', 2] }))).toEqual([
      { type: 'string_type', loc: ['body', 'tags', 1], msg: 'Input should be a valid string', input: 2 },
    ])
  })

  it('nested objects and arrays of named schemas', () => {
    const Order = t.Object({ id: t.Integer(), items: t.Array(Item, { minItems: 1 }), main: Item })
    const v = compileBodyValidator(Order)
    expect(v({ id: 1, items: [{ name: 'a', price: 1 }], main: { name: 'b', price: 2 } })).toEqual({
      ok: true,
      value: { id: 1, items: [{ name: 'a', price: 1, tags: [] }], main: { name: 'b', price: 2, tags: [] } },
    })
    expect(errorsOf(v({ id: 1.5, items: [], main: { price: 2 } }))).toEqual([
      {
        type: 'int_from_float',
        loc: ['body', 'id'],
        msg: 'Input should be a valid integer, got a number with a fractional part',
        input: 1.5,
      },
      {
        type: 'too_short',
        loc: ['body', 'items'],
        msg: 'List should have at least 1 item after validation, not 0',
        input: [],
        ctx: { field_type: 'List', min_length: 1, actual_length: 0 },
      },
      { type: 'missing', loc: ['body', 'main', 'name'], msg: 'Field required', input: { price: 2 } },
    ])
    expect(
      errorsOf(
        v({
          id: ' 7',
          items: [
            { name: 'a', price: 1 },
            { name: 'b', price: -1 },
          ],
          main: {},
        }),
      ),
    ).toEqual([
      {
        type: 'greater_than',
        loc: ['body', 'items', 1, 'price'],
        msg: 'Input should be greater than 0',
        input: -1,
        ctx: { gt: 0 },
      },
      { type: 'missing', loc: ['body', 'main', 'name'], msg: 'Field required', input: {} },
      { type: 'missing', loc: ['body', 'main', 'price'], msg: 'Field required', input: {} },
    ])
  })

  it('an array body: loc is ["body", index, ...]', () => {
    const v = compileBodyValidator(t.Array(Item))
    expect(
      errorsOf(
        v([
          { name: 'a', price: 1 },
          { name: 'b', price: 'x' },
        ]),
      ),
    ).toEqual([
      {
        type: 'float_parsing',
        loc: ['body', 1, 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'x',
      },
    ])
    expect(errorsOf(v({}))[0]).toMatchObject({ type: 'list_type', loc: ['body'] })
  })

  it('integer bounds and multiple_of', () => {
    const v = compileBodyValidator(
      t.Object({ n: t.Integer({ minimum: 1, maximum: 10 }), m: t.Number({ multipleOf: 5, exclusiveMaximum: 100 }) }),
    )
    expect(errorsOf(v({ n: 11, m: 7 }))).toEqual([
      {
        type: 'less_than_equal',
        loc: ['body', 'n'],
        msg: 'Input should be less than or equal to 10',
        input: 11,
        ctx: { le: 10 },
      },
      {
        type: 'multiple_of',
        loc: ['body', 'm'],
        msg: 'Input should be a multiple of 5',
        input: 7,
        ctx: { multiple_of: 5 },
      },
    ])
    expect(errorsOf(v({ n: 1, m: 100 }))[0]).toMatchObject({ type: 'less_than', ctx: { lt: 100 } })
  })

  it('booleans: unparseable strings are bool_parsing; strict refuses words with bool_type', () => {
    const v = compileBodyValidator(t.Object({ b: t.Boolean() }))
    expect(errorsOf(v({ b: 'maybe' }))[0]).toMatchObject({ type: 'bool_parsing' })
    const strict = compileBodyValidator(t.Object({ b: t.Boolean() }), { strict: true })
    expect(errorsOf(strict({ b: 'true' }))[0]).toMatchObject({
      type: 'bool_type',
      msg: 'Input should be a valid boolean',
    })
  })

  it('optional fields may be absent or present', () => {
    const v = compileBodyValidator(
      t.Object({ a: t.Optional(t.Integer()), b: t.Optional(t.Union([t.String(), t.Null()])) }),
    )
    expect(v({})).toEqual({ ok: true, value: {} })
    expect(v({ a: 1, b: null })).toEqual({ ok: true, value: { a: 1, b: null } })
  })

  it('unions: one entry per field, from the closest branch', () => {
    const v = compileBodyValidator(
      t.Object({
        maybe: t.Union([t.Integer({ minimum: 0 }), t.Null()]),
        either: t.Union([t.String({ minLength: 3 }), t.Integer()]),
        model: t.Union([Item, t.Null()]),
      }),
    )
    expect(v({ maybe: null, either: 5, model: null }).ok).toBe(true)
    expect(errorsOf(v({ maybe: -1, either: 'ab', model: { name: 'a', price: 'x' } }))).toEqual([
      {
        type: 'greater_than_equal',
        loc: ['body', 'maybe'],
        msg: 'Input should be greater than or equal to 0',
        input: -1,
        ctx: { ge: 0 },
      },
      {
        type: 'string_too_short',
        loc: ['body', 'either'],
        msg: 'String should have at least 3 characters',
        input: 'ab',
        ctx: { min_length: 3 },
      },
      {
        type: 'float_parsing',
        loc: ['body', 'model', 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'x',
      },
    ])
    expect(errorsOf(v({ maybe: 'x', either: 1, model: null }))).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'maybe'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
    ])
  })

  // pydantic tests/test_types.py (Literal) and FastAPI tests/test_tutorial/test_path_params (enum)
  it('literal and enum', () => {
    const v = compileBodyValidator(
      t.Object({
        kind: t.Union([t.Literal('a'), t.Literal('b'), t.Literal('c')]),
        one: t.Literal(1),
        e: t.Enum(['x', 'y']),
      }),
    )
    expect(errorsOf(v({ kind: 'd', one: 2, e: 'z' }))).toEqual([
      {
        type: 'literal_error',
        loc: ['body', 'kind'],
        msg: "Input should be 'a', 'b' or 'c'",
        input: 'd',
        ctx: { expected: "'a', 'b' or 'c'" },
      },
      { type: 'literal_error', loc: ['body', 'one'], msg: 'Input should be 1', input: 2, ctx: { expected: '1' } },
      {
        type: 'enum',
        loc: ['body', 'e'],
        msg: "Input should be 'x' or 'y'",
        input: 'z',
        ctx: { expected: "'x' or 'y'" },
      },
    ])
  })

  it('extra_forbidden for additionalProperties: false', () => {
    const v = compileBodyValidator(t.Object({ a: t.String() }, { additionalProperties: false }))
    expect(errorsOf(v({ a: 'x', b: 1, c: 2 }))).toEqual([
      { type: 'extra_forbidden', loc: ['body', 'b'], msg: 'Extra inputs are not permitted', input: 1 },
      { type: 'extra_forbidden', loc: ['body', 'c'], msg: 'Extra inputs are not permitted', input: 2 },
    ])
  })

  // pydantic's default extra="ignore": the model holds only its fields, at every level.
  it('drops fields the model does not declare, nested and in lists too', () => {
    const v = compileBodyValidator(
      t.Object({
        a: t.String(),
        inner: t.Object({ b: t.Number() }),
        list: t.Array(t.Object({ c: t.Number() })),
        maybe: t.Optional(t.Union([t.Object({ d: t.Number() }), t.Null()])),
      }),
    )
    expect(v({ a: 'x', z: 1, inner: { b: 1, y: 2 }, list: [{ c: 1, x: 3 }], maybe: { d: 1, w: 0 } })).toEqual({
      ok: true,
      value: { a: 'x', inner: { b: 1 }, list: [{ c: 1 }], maybe: { d: 1 } },
    })
    expect(v({ a: 'x', inner: { b: 1 }, list: [], maybe: null })).toEqual({
      ok: true,
      value: { a: 'x', inner: { b: 1 }, list: [], maybe: null },
    })
    // A body the lax retry converts is stripped as well.
    expect(v({ a: 'x', z: 1, inner: { b: '1' }, list: [] })).toEqual({
      ok: true,
      value: { a: 'x', inner: { b: 1 }, list: [] },
    })
  })

  // pydantic fills a nested model's defaults inside `Inner | None` and in lists as well.
  it('fills defaults inside a nullable nested model and in lists', () => {
    const Inner = t.Object({ d: t.Integer({ default: 5 }), tags: t.Array(t.String(), { default: [] }) })
    const v = compileBodyValidator(
      t.Object({ maybe: t.Optional(t.Union([Inner, t.Null()])), many: t.Array(Inner, { default: [] }) }),
    )
    expect(v({ maybe: { z: 1 }, many: [{}] })).toEqual({
      ok: true,
      value: { maybe: { d: 5, tags: [] }, many: [{ d: 5, tags: [] }] },
    })
    expect(v({ maybe: null })).toEqual({ ok: true, value: { maybe: null, many: [] } })
  })

  it('keeps what a record or additionalProperties: true allows', () => {
    const v = compileBodyValidator(
      t.Object({ meta: t.Record(t.String(), t.Number()), open: t.Object({}, { additionalProperties: true }) }),
    )
    expect(v({ meta: { k: 1 }, open: { any: 'thing' } })).toEqual({
      ok: true,
      value: { meta: { k: 1 }, open: { any: 'thing' } },
    })
  })

  it('dict_type for records, string_too_long', () => {
    const v = compileBodyValidator(t.Object({ meta: t.Record(t.String(), t.Number()), s: t.String({ maxLength: 2 }) }))
    expect(errorsOf(v({ meta: [], s: 'abc' }))).toEqual([
      { type: 'dict_type', loc: ['body', 'meta'], msg: 'Input should be a valid dictionary', input: [] },
      {
        type: 'string_too_long',
        loc: ['body', 's'],
        msg: 'String should have at most 2 characters',
        input: 'abc',
        ctx: { max_length: 2 },
      },
    ])
  })

  it('formats: email and date-time', () => {
    const v = compileBodyValidator(
      t.Object({ email: t.String({ format: 'email' }), at: t.String({ format: 'date-time' }) }),
    )
    expect(v({ email: 'a@example.com', at: '2024-05-01T10:00:00+02:00' }).ok).toBe(true)
    // FastAPI app tests asserting pydantic EmailStr's answer for an empty string
    expect(errorsOf(v({ email: '', at: '2024-05-01T10:00:00' }))).toEqual([
      {
        type: 'value_error',
        loc: ['body', 'email'],
        msg: 'value is not a valid email address: An email address must have an @-sign.',
        input: '',
        ctx: { reason: 'An email address must have an @-sign.' },
      },
      {
        type: 'timezone_aware',
        loc: ['body', 'at'],
        msg: 'Input should have timezone info',
        input: '2024-05-01T10:00:00',
      },
    ])
    expect(errorsOf(v({ email: 'a@b.co', at: 'not-a-date' }))).toEqual([
      {
        type: 'datetime_from_date_parsing',
        loc: ['body', 'at'],
        msg: 'Input should be a valid datetime or date, invalid character in year',
        input: 'not-a-date',
        ctx: { error: 'invalid character in year' },
      },
    ])
  })

  it('is compiled once per schema object', () => {
    expect(compileBodyValidator(Item)).toBe(validate)
  })
})
