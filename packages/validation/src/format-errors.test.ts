import { describe, expect, it } from 'vitest'
import { formatError } from './format-errors.js'

const loc = ['body', 'x']

describe('format errors in pydantic words', () => {
  // speedate's own tests (expect_dt_error) and FastAPI apps asserting pydantic's datetime errors
  it.each([
    ['invalid', 'input is too short'],
    ['not-a-date', 'invalid character in year'],
    ['2012-ab-23', 'invalid character in month'],
    ['2012-04-ab', 'invalid character in day'],
    ['2024-13-01T00:00:00Z', 'month value is outside expected range of 1-12'],
    ['2012-04-23extra', 'invalid datetime separator, expected `T`, `t`, `_` or space'],
    ['2012-04-23T25:00:00', 'hour value is outside expected range of 0-23'],
    ['2012-04-23T00X00:00', 'invalid time separator, expected `:`'],
    ['2012-04-23T00:00:00X', 'invalid timezone sign'],
    ['2012-04-23T00:00:00+24:00', 'timezone offset must be less than 24 hours'],
    ['2012-04-23T00:00:00.', 'second fraction digits missing after `.`'],
  ])('date-time %s', (input, error) => {
    expect(formatError('date-time', loc, input)).toEqual({
      type: 'datetime_from_date_parsing',
      loc,
      msg: `Input should be a valid datetime or date, ${error}`,
      input,
      ctx: { error },
    })
  })

  it('date', () => {
    // FastAPI app test: ?date=2023-01-01x
    expect(formatError('date', ['query', 'date'], '2023-01-01x')).toEqual({
      type: 'date_from_datetime_parsing',
      loc: ['query', 'date'],
      msg: 'Input should be a valid date or datetime, invalid datetime separator, expected `T`, `t`, `_` or space',
      input: '2023-01-01x',
      ctx: { error: 'invalid datetime separator, expected `T`, `t`, `_` or space' },
    })
  })

  it('uuid', () => {
    expect(formatError('uuid', loc, 'incorrect_file_id').ctx).toEqual({
      error: 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `i` at 1',
    })
    expect(formatError('uuid', loc, '-1').msg).toBe(
      'Input should be a valid UUID, invalid group count: expected 5, found 2',
    )
  })

  it('email reasons', () => {
    expect(formatError('email', loc, 'nobody@nobody').msg).toBe(
      'value is not a valid email address: The part after the @-sign is not valid. It should have a period.',
    )
    expect(formatError('email', loc, 'dr..john@x.com').ctx).toEqual({
      reason: 'An email address cannot have two periods in a row.',
    })
  })

  it('uri', () => {
    expect(formatError('uri', loc, 'abc')).toEqual({
      type: 'url_parsing',
      loc,
      msg: 'Input should be a valid URL, relative URL without a base',
      input: 'abc',
      ctx: { error: 'relative URL without a base' },
    })
  })
})
