import { describe, expect, test } from 'vitest'
import { defaultOperationId, handlerName, humanize, snakeCase, UniqueIds } from './names.js'

describe('humanize', () => {
  test('FastAPI summaries and pydantic titles', () => {
    expect(humanize('read_items')).toBe('Read Items')
    expect(humanize('readItems')).toBe('Read Items')
    expect(humanize('item_id')).toBe('Item Id')
    expect(humanize('q')).toBe('Q')
    // FastAPI's header title (tests/test_tutorial/test_bigger_applications/test_main_an_py39.py)
    expect(humanize('x-token')).toBe('X-Token')
    expect(humanize('readHTTPItems')).toBe('Read HTTPItems')
    expect(humanize('')).toBe('')
  })

  test('bound functions lose their prefix', () => {
    expect(handlerName(function readItems() {}.bind(null).name)).toBe('readItems')
  })
})

describe('defaultOperationId', () => {
  test("FastAPI's generate_unique_id", () => {
    expect(defaultOperationId('read_item', '/items/{item_id}', 'GET')).toBe('read_item_items__item_id__get')
    expect(defaultOperationId('read_items', '/items/', 'GET')).toBe('read_items_items__get')
    expect(defaultOperationId('root', '/', 'GET')).toBe('root__get')
  })

  test('snake-cases a camelCase handler name, as the Python function would be named', () => {
    expect(defaultOperationId('readItem', '/items/{item_id}', 'GET')).toBe('read_item_items__item_id__get')
    expect(defaultOperationId('readHTTPItems', '/items/', 'GET')).toBe('read_http_items_items__get')
    expect(snakeCase('createUser2Fa')).toBe('create_user2_fa')
  })

  test('an anonymous handler uses the path and method only', () => {
    expect(defaultOperationId('', '/items/{item_id}', 'DELETE')).toBe('items__item_id__delete')
    expect(defaultOperationId('', '/', 'GET')).toBe('get')
  })

  test('repeated ids get suffixes', () => {
    const ids = new UniqueIds()
    expect([ids.take('a'), ids.take('a'), ids.take('a'), ids.take('a_1')]).toEqual(['a', 'a_1', 'a_2', 'a_1_1'])
  })
})
