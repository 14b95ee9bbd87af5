import { describe, expect, test } from 'vitest'
import { serializeQuery } from './query.js'

describe('serializeQuery', () => {
  test('arrays are repeated keys', () => {
    expect(serializeQuery({ tag: ['a', 'b'], limit: 5 })).toBe('?tag=a&tag=b&limit=5')
  })

  test('undefined and null are left out; nothing gives an empty string', () => {
    expect(serializeQuery({ q: undefined, r: null })).toBe('')
    expect(serializeQuery(undefined)).toBe('')
  })

  test('keys and values are percent-encoded', () => {
    expect(serializeQuery({ 'a b': 'x&y=z é' })).toBe('?a%20b=x%26y%3Dz%20%C3%A9')
  })

  test('booleans, dates and objects', () => {
    const date = new Date('2024-01-02T03:04:05.000Z')
    expect(serializeQuery({ flag: true, at: date, filter: { a: 1 } })).toBe(
      '?flag=true&at=2024-01-02T03%3A04%3A05.000Z&filter=%7B%22a%22%3A1%7D',
    )
  })
})
