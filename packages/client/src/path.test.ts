import { describe, expect, test } from 'vitest'
import { fillPath } from './path.js'

describe('fillPath', () => {
  test('substitutes {name} and :name', () => {
    expect(fillPath('/users/{user_id}/items/:item_id', { user_id: 7, item_id: 'a' })).toBe('/users/7/items/a')
  })

  test('percent-encodes values so they stay in their segment', () => {
    expect(fillPath('/items/{id}', { id: 'a/b c?d#e%' })).toBe('/items/a%2Fb%20c%3Fd%23e%25')
  })

  test('a {name:path} parameter keeps its slashes', () => {
    expect(fillPath('/files/{file_path:path}', { file_path: 'docs/a b.txt' })).toBe('/files/docs/a%20b.txt')
  })

  test('a missing parameter is an error, not the string "undefined"', () => {
    expect(() => fillPath('/items/{id}', {})).toThrow(/missing path parameter "id"/)
  })

  test('a template without parameters is left as it is', () => {
    expect(fillPath('/items', undefined)).toBe('/items')
  })
})
