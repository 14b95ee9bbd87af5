import { describe, expect, it } from 'vitest'
import { ParseFailure, scalarCoercer } from './coerce.js'
import { t } from './schema.js'

const failure = (type: string) => new ParseFailure(type)

describe('scalar coercion (pydantic lax mode)', () => {
  it('integers', () => {
    const c = scalarCoercer(t.Integer())
    expect(c('5')).toBe(5)
    expect(c('-3')).toBe(-3)
    expect(c('+7')).toBe(7)
    expect(c(' 42 ')).toBe(42)
    expect(c('1_000')).toBe(1000)
    expect(c('5.0')).toBe(5)
    expect(c('1_0.0')).toBe(10)
    expect(c('-0')).toBe(0)
    expect(c('9007199254740993')).toBe(9007199254740993n)
    expect(c('-123456789012345678901234567890')).toBe(-123456789012345678901234567890n)
    for (const bad of ['5.5', 'abc', '', '1e3', '0x10', '10.', '1__0', '_10', '10_', 'inf'])
      expect(c(bad)).toEqual(failure('int_parsing'))
  })

  it('numbers', () => {
    const c = scalarCoercer(t.Number())
    expect(c('1.5')).toBe(1.5)
    expect(c('3')).toBe(3)
    expect(c('1e3')).toBe(1000)
    expect(c('-0.5')).toBe(-0.5)
    expect(c('.5')).toBe(0.5)
    expect(c('1_0.5')).toBe(10.5)
    expect(c('5.')).toBe(5)
    for (const bad of ['abc', '', '1.2.3', ' 1_0 ', '1__0', '_1', '1e', '0x10'])
      expect(c(bad)).toEqual(failure('float_parsing'))
    // pydantic's float takes them; FastAPI then answers 500: typefast refuses them (finite_number).
    for (const bad of ['inf', '-Infinity', 'NaN', '1e400']) expect(c(bad)).toEqual(failure('finite_number'))
  })

  // pydantic 2.13 (FastAPI 0.142.2) itself treats `_` differently in the two: an int's text is
  // stripped before its underscores are read, a float's with underscores is not stripped.
  it('underscores beside surrounding whitespace: int takes them, float does not (as pydantic)', () => {
    const int = scalarCoercer(t.Integer())
    const float = scalarCoercer(t.Number())
    expect(int(' 1_0 ')).toBe(10)
    expect(int(' 1_0.0 ')).toBe(10)
    expect(float(' 10 ')).toBe(10)
    expect(float(' 5. ')).toBe(5)
    expect(float('1_0e1_0')).toBe(1e11)
    expect(float('1_000.000_1')).toBe(1000.0001)
    expect(float(' 1_0 ')).toEqual(failure('float_parsing'))
    expect(float(' 1_0.0 ')).toEqual(failure('float_parsing'))
  })

  it('booleans', () => {
    const c = scalarCoercer(t.Boolean())
    for (const yes of ['true', 'True', 'TRUE', '1', 'yes', 'on', 't', 'y', 'Y']) expect(c(yes)).toBe(true)
    for (const no of ['false', 'False', '0', 'no', 'off', 'f', 'n', 'N']) expect(c(no)).toBe(false)
    for (const bad of ['maybe', '', '2', 'tru']) expect(c(bad)).toEqual(failure('bool_parsing'))
  })

  it('literals and enums match by text', () => {
    expect(scalarCoercer(t.Literal(5))('5')).toBe(5)
    expect(scalarCoercer(t.Literal(true))('true')).toBe(true)
    expect(scalarCoercer(t.Enum(['a', 'b']))('c')).toBe('c')
  })

  it('unions prefer exact string matches, then lax conversions in order', () => {
    expect(scalarCoercer(t.Union([t.Integer(), t.String()]))('5')).toBe('5')
    expect(scalarCoercer(t.Union([t.Integer(), t.Boolean()]))('5')).toBe(5)
    expect(scalarCoercer(t.Union([t.Integer(), t.Boolean()]))('yes')).toBe(true)
    expect(scalarCoercer(t.Union([t.Integer(), t.Null()]))('x')).toEqual(failure('int_parsing'))
    expect(scalarCoercer(t.Union([t.Literal('a'), t.Integer()]))('a')).toBe('a')
  })
})
