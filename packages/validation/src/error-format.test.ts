import { describe, expect, it } from 'vitest'
import { jsonInvalidError, missingBodyError } from './error-format.js'

describe('body-level errors', () => {
  // FastAPI tests/test_tutorial/test_body/test_tutorial001.py::test_post_broken_body
  it('json_invalid is FastAPI answer for malformed JSON', () => {
    expect(jsonInvalidError(1, 'Expecting property name enclosed in double quotes')).toEqual({
      type: 'json_invalid',
      loc: ['body', 1],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: 'Expecting property name enclosed in double quotes' },
    })
  })

  // FastAPI tests/test_tutorial/test_body/test_tutorial001.py::test_post_no_body
  it('missing body', () => {
    expect(missingBodyError()).toEqual({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
    expect(JSON.stringify(missingBodyError())).toBe(
      '{"type":"missing","loc":["body"],"msg":"Field required","input":null}',
    )
  })
})
