import { afterEach, describe, expect, it, vi } from 'vitest'
import { compileInputValidator } from './input-validator.js'
import { t } from './schema.js'

const errorsOf = (result: ReturnType<ReturnType<typeof compileInputValidator>>) => {
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

describe('path parameters', () => {
  const validate = compileInputValidator(t.Object({ item_id: t.Integer() }), 'path')

  it('coerces', () => {
    expect(validate({ item_id: '42' })).toEqual({ ok: true, value: { item_id: 42 } })
  })

  // FastAPI tests/test_path.py::test_path_int_foobar
  it('int_parsing with the raw string as input', () => {
    expect(errorsOf(validate({ item_id: 'abc' }))).toEqual([
      {
        type: 'int_parsing',
        loc: ['path', 'item_id'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'abc',
      },
    ])
  })

  // FastAPI tests/test_path.py::test_path_int_True / test_path_float_foobar / test_path_bool_foobar
  it('float_parsing and bool_parsing', () => {
    const v = compileInputValidator(t.Object({ f: t.Number(), b: t.Boolean(), i: t.Integer() }), 'path')
    expect(errorsOf(v({ f: 'foobar', b: 'foobar', i: '42.5' }))).toEqual([
      {
        type: 'float_parsing',
        loc: ['path', 'f'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'foobar',
      },
      {
        type: 'bool_parsing',
        loc: ['path', 'b'],
        msg: 'Input should be a valid boolean, unable to interpret input',
        input: 'foobar',
      },
      {
        type: 'int_parsing',
        loc: ['path', 'i'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '42.5',
      },
    ])
  })

  // FastAPI tests/test_path.py::test_path_param_gt_42 / test_path_param_le_3 / test_path_param_minlength_fo
  it('constraints report the raw string', () => {
    const v = compileInputValidator(
      t.Object({
        gt: t.Number({ exclusiveMinimum: 3 }),
        le: t.Number({ maximum: 3 }),
        lt: t.Integer({ exclusiveMaximum: 3 }),
        ge: t.Integer({ minimum: 3 }),
        s: t.String({ minLength: 3 }),
        m: t.String({ maxLength: 3 }),
      }),
      'path',
    )
    expect(errorsOf(v({ gt: '2', le: '4', lt: '3', ge: '2', s: 'fo', m: 'foobar' }))).toEqual([
      { type: 'greater_than', loc: ['path', 'gt'], msg: 'Input should be greater than 3', input: '2', ctx: { gt: 3 } },
      {
        type: 'less_than_equal',
        loc: ['path', 'le'],
        msg: 'Input should be less than or equal to 3',
        input: '4',
        ctx: { le: 3 },
      },
      { type: 'less_than', loc: ['path', 'lt'], msg: 'Input should be less than 3', input: '3', ctx: { lt: 3 } },
      {
        type: 'greater_than_equal',
        loc: ['path', 'ge'],
        msg: 'Input should be greater than or equal to 3',
        input: '2',
        ctx: { ge: 3 },
      },
      {
        type: 'string_too_short',
        loc: ['path', 's'],
        msg: 'String should have at least 3 characters',
        input: 'fo',
        ctx: { min_length: 3 },
      },
      {
        type: 'string_too_long',
        loc: ['path', 'm'],
        msg: 'String should have at most 3 characters',
        input: 'foobar',
        ctx: { max_length: 3 },
      },
    ])
  })
})

describe('query parameters', () => {
  const Query = t.Object({
    skip: t.Integer({ minimum: 0, default: 0 }),
    limit: t.Integer({ minimum: 1, maximum: 100, default: 10 }),
    q: t.Optional(t.String()),
  })
  const validate = compileInputValidator(Query, 'query')

  it('fills defaults for absent values (listed in required by TypeBox)', () => {
    expect(Query.required).toContain('skip')
    expect(validate({})).toEqual({ ok: true, value: { skip: 0, limit: 10 } })
    expect(validate({ skip: '5', q: 'x' })).toEqual({ ok: true, value: { skip: 5, limit: 10, q: 'x' } })
  })

  it('does not share a default object between requests', () => {
    const v = compileInputValidator(t.Object({ tags: t.Array(t.String(), { default: [] }) }), 'query')
    const a = v({})
    const b = v({})
    expect(a.ok && b.ok && a.value.tags !== b.value.tags).toBe(true)
  })

  // FastAPI tests/test_query.py::test_query_int_query_42_5 / test_query_not_declared_baz
  it('missing required query parameter has input null', () => {
    const v = compileInputValidator(t.Object({ query: t.String(), n: t.Integer() }), 'query')
    expect(errorsOf(v({ other: 'x' }))).toEqual([
      { type: 'missing', loc: ['query', 'query'], msg: 'Field required', input: null },
      { type: 'missing', loc: ['query', 'n'], msg: 'Field required', input: null },
    ])
  })

  it('takes the last of repeated values for a scalar', () => {
    expect(validate({ limit: ['3', '7'] })).toEqual({ ok: true, value: { skip: 0, limit: 7 } })
  })

  it('empty string is not a number', () => {
    expect(errorsOf(validate({ limit: '' }))).toEqual([
      {
        type: 'int_parsing',
        loc: ['query', 'limit'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '',
      },
    ])
  })

  it('reports every failing field, in declaration order', () => {
    expect(errorsOf(validate({ limit: '101', skip: '-1' })).map((e) => [e.type, e.loc])).toEqual([
      ['greater_than_equal', ['query', 'skip']],
      ['less_than_equal', ['query', 'limit']],
    ])
  })

  it('a single value for a list is a one-item list; items are coerced', () => {
    const v = compileInputValidator(t.Object({ tag: t.Array(t.Integer(), { default: [] }) }), 'query')
    expect(v({ tag: '4' })).toEqual({ ok: true, value: { tag: [4] } })
    expect(v({ tag: ['1', '2'] })).toEqual({ ok: true, value: { tag: [1, 2] } })
    expect(errorsOf(v({ tag: ['1', 'x', 'y'] }))).toEqual([
      {
        type: 'int_parsing',
        loc: ['query', 'tag', 1],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
      {
        type: 'int_parsing',
        loc: ['query', 'tag', 2],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'y',
      },
    ])
  })

  it('list constraints: too_short with the received list as input', () => {
    const v = compileInputValidator(t.Object({ tag: t.Array(t.String({ minLength: 2 }), { minItems: 2 }) }), 'query')
    expect(errorsOf(v({ tag: 'ab' }))).toEqual([
      {
        type: 'too_short',
        loc: ['query', 'tag'],
        msg: 'List should have at least 2 items after validation, not 1',
        input: ['ab'],
        ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
      },
    ])
    expect(errorsOf(v({ tag: ['ab', 'c'] }))).toEqual([
      {
        type: 'string_too_short',
        loc: ['query', 'tag', 1],
        msg: 'String should have at least 2 characters',
        input: 'c',
        ctx: { min_length: 2 },
      },
    ])
  })

  it('Optional list', () => {
    const v = compileInputValidator(t.Object({ tag: t.Optional(t.Union([t.Array(t.Integer()), t.Null()])) }), 'query')
    expect(v({ tag: '3' })).toEqual({ ok: true, value: { tag: [3] } })
    expect(v({})).toEqual({ ok: true, value: {} })
  })

  // FastAPI tests/test_tutorial/test_query_params_str_validations (pattern="^fixedquery$")
  it('string_pattern_mismatch', () => {
    const v = compileInputValidator(t.Object({ q: t.String({ pattern: '^fixedquery$' }) }), 'query')
    expect(errorsOf(v({ q: 'nonregexquery' }))).toEqual([
      {
        type: 'string_pattern_mismatch',
        loc: ['query', 'q'],
        msg: "String should match pattern '^fixedquery$'",
        input: 'nonregexquery',
        ctx: { pattern: '^fixedquery$' },
      },
    ])
  })

  // FastAPI tests/test_tutorial/test_path_params/test_tutorial005.py (enum ModelName)
  it('enum with ctx.expected', () => {
    const v = compileInputValidator(t.Object({ model_name: t.Enum(['alexnet', 'resnet', 'lenet']) }), 'path')
    expect(v({ model_name: 'lenet' })).toEqual({ ok: true, value: { model_name: 'lenet' } })
    expect(errorsOf(v({ model_name: 'foo' }))).toEqual([
      {
        type: 'enum',
        loc: ['path', 'model_name'],
        msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
        input: 'foo',
        ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
      },
    ])
  })

  it('literal unions give one literal_error', () => {
    const v = compileInputValidator(t.Object({ order: t.Union([t.Literal('asc'), t.Literal('desc')]) }), 'query')
    expect(v({ order: 'desc' })).toEqual({ ok: true, value: { order: 'desc' } })
    expect(errorsOf(v({ order: 'up' }))).toEqual([
      {
        type: 'literal_error',
        loc: ['query', 'order'],
        msg: "Input should be 'asc' or 'desc'",
        input: 'up',
        ctx: { expected: "'asc' or 'desc'" },
      },
    ])
  })

  it('numeric literal coerces from text', () => {
    const v = compileInputValidator(t.Object({ v: t.Union([t.Literal(1), t.Literal(2)]) }), 'query')
    expect(v({ v: '2' })).toEqual({ ok: true, value: { v: 2 } })
    expect(errorsOf(v({ v: '3' }))[0]).toMatchObject({ type: 'literal_error', input: '3', ctx: { expected: '1 or 2' } })
  })

  it('boolean values', () => {
    const v = compileInputValidator(t.Object({ short: t.Boolean({ default: false }) }), 'query')
    expect(v({ short: 'on' })).toEqual({ ok: true, value: { short: true } })
    expect(v({ short: 'No' })).toEqual({ ok: true, value: { short: false } })
    expect(v({})).toEqual({ ok: true, value: { short: false } })
  })

  it('formats: uuid and date-time', () => {
    const v = compileInputValidator(
      t.Object({ id: t.Optional(t.String({ format: 'uuid' })), at: t.Optional(t.String({ format: 'date-time' })) }),
      'query',
    )
    expect(v({ id: 'accfd78c-f0dc-4683-90bb-d63de643e852', at: '2024-01-01T10:00:00Z' }).ok).toBe(true)
    // FastAPI/pydantic answer for ?user_id=123 on a UUID parameter
    expect(errorsOf(v({ id: '123' }))).toEqual([
      {
        type: 'uuid_parsing',
        loc: ['query', 'id'],
        msg: 'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3',
        input: '123',
        ctx: { error: 'invalid length: expected length 32 for simple format, found 3' },
      },
    ])
    expect(errorsOf(v({ at: 'invalid' }))).toEqual([
      {
        type: 'datetime_from_date_parsing',
        loc: ['query', 'at'],
        msg: 'Input should be a valid datetime or date, input is too short',
        input: 'invalid',
        ctx: { error: 'input is too short' },
      },
    ])
  })

  it('extra_forbidden when the schema forbids extra keys', () => {
    const v = compileInputValidator(t.Object({ a: t.Optional(t.String()) }, { additionalProperties: false }), 'query')
    expect(errorsOf(v({ a: 'x', b: 'y' }))).toEqual([
      { type: 'extra_forbidden', loc: ['query', 'b'], msg: 'Extra inputs are not permitted', input: 'y' },
    ])
  })

  it('is compiled once per schema and location', () => {
    expect(compileInputValidator(Query, 'query')).toBe(validate)
    expect(compileInputValidator(Query, 'header')).not.toBe(validate)
  })
})

describe('headers and cookies', () => {
  it('header names match lower-case, `_` read as `-` (FastAPI convert_underscores), the 422 naming the header', () => {
    const v = compileInputValidator(t.Object({ user_agent: t.String(), 'x-token': t.Array(t.String()) }), 'header')
    expect(v({ 'user-agent': 'curl', 'x-token': ['a', 'b'] })).toEqual({
      ok: true,
      value: { user_agent: 'curl', 'x-token': ['a', 'b'] },
    })
    expect(errorsOf(v({ 'x-token': 'a' }))).toEqual([
      { type: 'missing', loc: ['header', 'user-agent'], msg: 'Field required', input: null },
    ])
    expect(v({ user_agent: 'curl', 'x-token': 'a' }).ok).toBe(false)
  })

  it('a repeated header gives a scalar its first value, as Starlette does', () => {
    const v = compileInputValidator(t.Object({ 'x-one': t.String() }), 'header')
    expect(v({ 'x-one': ['1', '2'] })).toEqual({ ok: true, value: { 'x-one': '1' } })
  })

  it('cookies coerce too', () => {
    const v = compileInputValidator(t.Object({ visits: t.Integer() }), 'cookie')
    expect(v({ visits: '3' })).toEqual({ ok: true, value: { visits: 3 } })
    expect(errorsOf(v({ visits: 'x' }))[0]!.loc).toEqual(['cookie', 'visits'])
  })
})

describe('its own function', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })
  // TYPEFAST_PRINT_GENERATED=1 writes each generated function's source to stderr as it is made.
  const copiesMade = (printed: { mock: { calls: unknown[][] } }) =>
    printed.mock.calls.filter(([text]) => String(text).includes('typefast/validator/query')).length

  it('is compiled at the first call, once, and answers as the shared one', () => {
    vi.stubEnv('TYPEFAST_PRINT_GENERATED', '1')
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    const validate = compileInputValidator(
      t.Object({ limit: t.Integer({ default: 10 }), q: t.Optional(t.String()) }),
      'query',
    )
    expect(copiesMade(printed)).toBe(0)
    expect(validate({ q: 'a' })).toEqual({ ok: true, value: { limit: 10, q: 'a' } })
    expect(validate({ limit: '3' })).toEqual({ ok: true, value: { limit: 3 } })
    expect(errorsOf(validate({ limit: 'x' }))[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'limit'] })
    expect(copiesMade(printed)).toBe(1)
  })

  it('is the shared one where code is not generated (TYPEFAST_GENERATE=0)', () => {
    vi.stubEnv('TYPEFAST_PRINT_GENERATED', '1')
    vi.stubEnv('TYPEFAST_GENERATE', '0')
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    const validate = compileInputValidator(t.Object({ page: t.Integer({ default: 1 }) }), 'query')
    expect(validate({ page: '2' })).toEqual({ ok: true, value: { page: 2 } })
    expect(copiesMade(printed)).toBe(0)
  })
})
