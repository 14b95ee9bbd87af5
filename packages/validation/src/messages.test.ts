import { describe, expect, it } from 'vitest'
import { errorItem, expectedList, pythonRepr } from './messages.js'

describe('errorItem', () => {
  // pydantic-core tests/test_errors.py and FastAPI tests/test_tutorial/test_query_params_str_validations
  it('uses singular and plural forms as pydantic does', () => {
    expect(errorItem('string_too_short', ['query', 'q'], '', { min_length: 1 }).msg).toBe(
      'String should have at least 1 character',
    )
    expect(errorItem('string_too_short', ['query', 'q'], 'ab', { min_length: 3 }).msg).toBe(
      'String should have at least 3 characters',
    )
    expect(errorItem('string_too_long', ['query', 'q'], 'abcdef', { max_length: 5 }).msg).toBe(
      'String should have at most 5 characters',
    )
  })

  it('fills too_short from ctx (FastAPI tests/test_forms_single_model / pydantic list min_length)', () => {
    const item = errorItem('too_short', ['body', 'tags'], [], { field_type: 'List', min_length: 1, actual_length: 0 })
    expect(item).toEqual({
      type: 'too_short',
      loc: ['body', 'tags'],
      msg: 'List should have at least 1 item after validation, not 0',
      input: [],
      ctx: { field_type: 'List', min_length: 1, actual_length: 0 },
    })
    expect(errorItem('too_long', [], [1, 2, 3, 4], { field_type: 'List', max_length: 3, actual_length: 4 }).msg).toBe(
      'List should have at most 3 items after validation, not 4',
    )
  })

  it('leaves ctx out when the type has none', () => {
    expect(errorItem('missing', ['query', 'q'], null)).toEqual({
      type: 'missing',
      loc: ['query', 'q'],
      msg: 'Field required',
      input: null,
    })
  })

  it('prints numeric bounds as numbers', () => {
    expect(errorItem('greater_than', ['body', 'price'], 0, { gt: 0 }).msg).toBe('Input should be greater than 0')
    expect(errorItem('less_than_equal', ['query', 'limit'], '101', { le: 100 }).msg).toBe(
      'Input should be less than or equal to 100',
    )
    expect(errorItem('multiple_of', ['body', 'n'], 3, { multiple_of: 0.5 }).msg).toBe(
      'Input should be a multiple of 0.5',
    )
  })
})

describe('expected values', () => {
  // pydantic tests/test_types.py: "Input should be 'a', 'b' or 'c'"
  it('lists values like pydantic', () => {
    expect(expectedList(['a', 'b', 'c'])).toBe("'a', 'b' or 'c'")
    expect(expectedList(['a', 'b'])).toBe("'a' or 'b'")
    expect(expectedList(['a'])).toBe("'a'")
    expect(expectedList([1, 2])).toBe('1 or 2')
  })

  it('reprs as Python does', () => {
    expect(pythonRepr(true)).toBe('True')
    expect(pythonRepr(null)).toBe('None')
    expect(pythonRepr("it's")).toBe('"it\'s"')
  })
})
