import { describe, expect, test } from 'vitest'
import { jsonTextError } from './json-text.js'

// Each expected message is what pydantic 2.13 (jiter) reports for the text in a Json[...] field.
describe('jsonTextError', () => {
  test.each([
    ['', 'EOF while parsing a value at line 1 column 0'],
    [' ', 'EOF while parsing a value at line 1 column 1'],
    ['{', 'EOF while parsing an object at line 1 column 1'],
    ['[', 'EOF while parsing a list at line 1 column 1'],
    ['{"a":1,', 'EOF while parsing a value at line 1 column 7'],
    ['"abc', 'EOF while parsing a string at line 1 column 4'],
    ['tru', 'EOF while parsing a value at line 1 column 3'],
    ['not json', 'expected ident at line 1 column 2'],
    ['None', 'expected ident at line 1 column 2'],
    ['inf', 'expected value at line 1 column 1'],
    ['+3', 'expected value at line 1 column 1'],
    ['\n\nx', 'expected value at line 3 column 1'],
    ['007', 'invalid number at line 1 column 2'],
    ['-x', 'invalid number at line 1 column 2'],
    ['{a:1}', 'key must be a string at line 1 column 2'],
    ['{"a" 1}', 'expected `:` at line 1 column 6'],
    ['[1 2]', 'expected `,` or `]` at line 1 column 4'],
    ['{"a":1 "b"}', 'expected `,` or `}` at line 1 column 8'],
    ['[1,]', 'trailing comma at line 1 column 4'],
    ['"\\x"', 'invalid escape at line 1 column 3'],
    ['"a\tb"', 'control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3'],
    ['{"a":1}\n x', 'trailing characters at line 2 column 2'],
  ])('%j: %s', (text, message) => {
    expect(jsonTextError(text)).toBe(message)
  })

  test('JSON, with the NaN and Infinity pydantic reads, has no error', () => {
    for (const text of ['{"a":[1,-0.5e-3,"\\u00e9",true,null]}', ' [] ', 'NaN', '-Infinity']) {
      expect(jsonTextError(text)).toBeUndefined()
    }
  })
})
