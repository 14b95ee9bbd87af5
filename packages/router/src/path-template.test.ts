import { describe, expect, it } from 'vitest'
import { joinPaths, parsePathTemplate } from './path-template.js'

describe('parsePathTemplate', () => {
  it('reads {name} parameters', () => {
    expect(parsePathTemplate('/items/{item_id}')).toEqual({
      openapiPath: '/items/{item_id}',
      routerPath: '/items/:item_id',
      params: ['item_id'],
      wildcard: undefined,
    })
  })

  it('reads :name parameters and documents them as {name}', () => {
    expect(parsePathTemplate('/users/:user_id/posts/:post_id')).toEqual({
      openapiPath: '/users/{user_id}/posts/{post_id}',
      routerPath: '/users/:user_id/posts/:post_id',
      params: ['user_id', 'post_id'],
      wildcard: undefined,
    })
  })

  it('reads {name:path} as the rest of the path', () => {
    expect(parsePathTemplate('/files/{file_path:path}')).toEqual({
      openapiPath: '/files/{file_path}',
      routerPath: '/files/*',
      params: ['file_path'],
      wildcard: 'file_path',
    })
  })

  it('keeps static paths, the root and trailing slashes as written', () => {
    expect(parsePathTemplate('/')).toMatchObject({ openapiPath: '/', routerPath: '/', params: [] })
    expect(parsePathTemplate('/items/')).toMatchObject({ openapiPath: '/items/', routerPath: '/items/' })
  })

  it('allows static suffixes after a parameter', () => {
    expect(parsePathTemplate('/files/{name}.json')).toMatchObject({ routerPath: '/files/:name.json', params: ['name'] })
    expect(parsePathTemplate('/near/{lat}-{lng}')).toMatchObject({
      openapiPath: '/near/{lat}-{lng}',
      routerPath: '/near/:lat-:lng',
      params: ['lat', 'lng'],
    })
  })

  it('escapes a literal colon for find-my-way', () => {
    expect(parsePathTemplate('/v1/things:batchGet')).toMatchObject({
      openapiPath: '/v1/things:batchGet',
      routerPath: '/v1/things::batchGet',
      params: [],
    })
  })

  it.each([
    ['items/{id}', "must start with '/'"],
    ['', "must start with '/'"],
    ['/items/{id', 'never closed'],
    ['/items/{}', 'empty parameter name'],
    ['/items/:', 'empty parameter name'],
    ['/items/{1id}', "'1id' is not a valid parameter name"],
    ['/items/{item-id}', "'item-id' is not a valid parameter name"],
    ['/items/:1id', "'1id' is not a valid parameter name"],
    ['/items/:-x', 'not followed by a valid parameter name'],
    ['/a/{id}/b/{id}', "parameter 'id' appears twice"],
    ['/a/:id/b/{id}', "parameter 'id' appears twice"],
    ['/files/{p:path}/meta', 'whole segment at the end of the path'],
    ['/files/x{p:path}', 'whole segment'],
    ['/items/{id:int}', "unknown converter 'int'"],
    ['/items/{id}x', "followed by 'x'"],
    ['/items/{a}{b}', "followed by '{'"],
    ['/items/id}', "'}' at position 9 has no opening '{'"],
    ['/items/*', "'*' is not allowed"],
    ['/items?q=1', "'?' is not allowed"],
  ])('rejects %s', (path, message) => {
    expect(() => parsePathTemplate(path)).toThrow(message)
    // the error names the path so it can be found in the code
    expect(() => parsePathTemplate(path)).toThrow(`'${path}'`)
  })
})

describe('joinPaths', () => {
  it.each([
    ['/items', '/', '/items'],
    ['/items', '', '/items'],
    ['', '/x', '/x'],
    ['', '/', '/'],
    ['/', '/x', '/x'],
    ['/a/', '/b', '/a/b'],
    ['/a', '/b/{id}', '/a/b/{id}'],
    ['/a', '/b/', '/a/b/'],
    ['/a', 'b', '/a/b'],
  ])('%s + %s -> %s', (prefix, path, joined) => {
    expect(joinPaths(prefix, path)).toBe(joined)
  })

  it('rejects a prefix that does not start with /', () => {
    expect(() => joinPaths('items', '/x')).toThrow("Invalid router prefix 'items'")
  })
})
