import { describe, expect, it } from 'vitest'
import { RouteTable } from './route-table.js'

function table(...routes: [method: string, path: string][]): RouteTable<string> {
  const t = new RouteTable<string>()
  for (const [method, path] of routes) t.add(method, path, `${method} ${path}`)
  return t
}

function found(route: string, params: Record<string, string> = {}, query = '') {
  return { kind: 'found', route, params, query }
}

describe('RouteTable', () => {
  it('matches static routes and {name} parameters', () => {
    const t = table(['GET', '/'], ['GET', '/items'], ['GET', '/items/{item_id}'])
    expect(t.lookup('GET', '/')).toEqual(found('GET /'))
    expect(t.lookup('GET', '/items')).toEqual(found('GET /items'))
    expect(t.lookup('GET', '/items/42')).toEqual(found('GET /items/{item_id}', { item_id: '42' }))
  })

  it('matches :name parameters', () => {
    const t = table(['GET', '/users/:user_id/posts/:post_id'])
    expect(t.lookup('GET', '/users/1/posts/2')).toEqual(
      found('GET /users/:user_id/posts/:post_id', { user_id: '1', post_id: '2' }),
    )
  })

  it('gives {name:path} the rest of the path under its name', () => {
    const t = table(['GET', '/files/{file_path:path}'], ['GET', '/static/{dir}/{rest:path}'])
    expect(t.lookup('GET', '/files/a/b/c.txt')).toEqual(
      found('GET /files/{file_path:path}', { file_path: 'a/b/c.txt' }),
    )
    expect(t.lookup('GET', '/static/css/x/y.css?v=1')).toEqual(
      found('GET /static/{dir}/{rest:path}', { dir: 'css', rest: 'x/y.css' }, 'v=1'),
    )
    expect(t.lookup('GET', '/files/a%2Fb%20c')).toEqual(found('GET /files/{file_path:path}', { file_path: 'a/b c' }))
    // the rest is taken as sent: a trailing slash stays, and it may be empty, but the slash before it is needed
    expect(t.lookup('GET', '/files/a/b/')).toEqual(found('GET /files/{file_path:path}', { file_path: 'a/b/' }))
    expect(t.lookup('GET', '/files/')).toEqual(found('GET /files/{file_path:path}', { file_path: '' }))
    expect(t.lookup('GET', '/files')).toEqual({ kind: 'not-found' })
    // a HEAD lookup renames the parameter as well
    expect(t.lookup('HEAD', '/files/x')).toEqual(found('GET /files/{file_path:path}', { file_path: 'x' }))
  })

  it('prefers static segments over parameters, whatever the order of registration', () => {
    const t = table(['GET', '/users/{id}'], ['GET', '/users/me'])
    expect(t.lookup('GET', '/users/me')).toEqual(found('GET /users/me'))
    expect(t.lookup('GET', '/users/7')).toEqual(found('GET /users/{id}', { id: '7' }))
  })

  it('percent-decodes path parameters', () => {
    const t = table(['GET', '/items/{id}'])
    expect(t.lookup('GET', '/items/a%20b')).toEqual(found('GET /items/{id}', { id: 'a b' }))
    expect(t.lookup('GET', '/items/%C3%A9')).toEqual(found('GET /items/{id}', { id: 'é' }))
  })

  it("routes '%2F' in a segment as a '/', as Starlette matches the decoded path", () => {
    const t = table(['GET', '/items/{id}'], ['GET', '/items/{id}/meta'], ['GET', '/files/readme'])
    expect(t.lookup('GET', '/items/a%2Fb')).toEqual({ kind: 'not-found' })
    expect(t.lookup('GET', '/items/a%2fmeta?x=1')).toEqual(found('GET /items/{id}/meta', { id: 'a' }, 'x=1'))
    expect(t.lookup('GET', '/files%2Freadme')).toEqual(found('GET /files/readme'))
    expect(t.lookup('POST', '/items/a%2Fmeta')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD' })
    // an escaped '%' stays a '%' in the value
    expect(t.lookup('GET', '/items/a%252Fb')).toEqual(found('GET /items/{id}', { id: 'a%2Fb' }))
  })

  it('answers not-found for a malformed escape, without throwing', () => {
    const t = table(['GET', '/items/{id}'], ['POST', '/items/{id}'])
    expect(t.lookup('GET', '/items/%zz')).toEqual({ kind: 'not-found' })
    expect(t.lookup('GET', '/items/%E0%A4%A')).toEqual({ kind: 'not-found' })
    expect(t.lookup('PUT', '/items/%')).toEqual({ kind: 'not-found' })
  })

  it('reaches a route with or without a trailing slash, without a redirect', () => {
    const t = table(['GET', '/'], ['GET', '/items'], ['GET', '/users/'], ['GET', '/items/{id}'])
    expect(t.lookup('GET', '/items/')).toEqual(found('GET /items'))
    expect(t.lookup('GET', '/items')).toEqual(found('GET /items'))
    expect(t.lookup('GET', '/users')).toEqual(found('GET /users/'))
    expect(t.lookup('GET', '/users/')).toEqual(found('GET /users/'))
    expect(t.lookup('GET', '/items/5/')).toEqual(found('GET /items/{id}', { id: '5' }))
    expect(t.lookup('GET', '/')).toEqual(found('GET /'))
    expect(t.lookup('GET', '/?a=1')).toEqual(found('GET /', {}, 'a=1'))
  })

  it('ignores a trailing slash on parameters, queries, fragments, HEAD and 405s', () => {
    const t = table(['GET', '/items/{id}'], ['POST', '/items'], ['GET', '/users/{id}/posts/'])
    expect(t.lookup('GET', '/items/7/?q=x#f')).toEqual(found('GET /items/{id}', { id: '7' }, 'q=x'))
    expect(t.lookup('GET', '/items/a%20b/')).toEqual(found('GET /items/{id}', { id: 'a b' }))
    expect(t.lookup('GET', '/users/1/posts')).toEqual(found('GET /users/{id}/posts/', { id: '1' }))
    expect(t.lookup('GET', '/users/1/posts/?a=1')).toEqual(found('GET /users/{id}/posts/', { id: '1' }, 'a=1'))
    expect(t.lookup('HEAD', '/items/7/')).toEqual(found('GET /items/{id}', { id: '7' }))
    expect(t.lookup('DELETE', '/items/7/')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD' })
    expect(t.lookup('GET', '/items/')).toEqual({ kind: 'method-not-allowed', allow: 'POST' })
    expect(t.lookup('GET', '/items/7//')).toEqual({ kind: 'not-found' })
    t.add('HEAD', '/items/{id}/', 'explicit head')
    expect(t.lookup('HEAD', '/items/7/')).toEqual(found('explicit head', { id: '7' }))
    expect(t.lookup('HEAD', '/items/7')).toEqual(found('explicit head', { id: '7' }))
  })

  it('prefers a route without the slash over {name:path} where find-my-way would', () => {
    const t = table(['GET', '/files/{p:path}'], ['GET', '/files/x'], ['GET', '/files'], ['GET', '/{page}'])
    expect(t.lookup('GET', '/files/x/')).toEqual(found('GET /files/x'))
    expect(t.lookup('GET', '/files/')).toEqual(found('GET /files'))
    expect(t.lookup('GET', '/files/y/')).toEqual(found('GET /files/{p:path}', { p: 'y/' }))
    expect(t.lookup('GET', '/files/x%2F')).toEqual(found('GET /files/{p:path}', { p: 'x/' }))
    expect(t.lookup('GET', '/files//')).toEqual(found('GET /files/{p:path}', { p: '/' }))
    // a static segment before the wildcard comes first: '/static/' is the wildcard with '', not '/{page}'
    const s = table(['GET', '/static/{p:path}'], ['GET', '/{page}'], ['GET', '/{a}/{b}'], ['GET', '/{d}/{rest:path}'])
    expect(s.lookup('GET', '/static/')).toEqual(found('GET /static/{p:path}', { p: '' }))
    expect(s.lookup('GET', '/other/')).toEqual(found('GET /{page}', { page: 'other' }))
    expect(s.lookup('GET', '/static/a/')).toEqual(found('GET /static/{p:path}', { p: 'a/' }))
    expect(s.lookup('GET', '/other/a/')).toEqual(found('GET /{a}/{b}', { a: 'other', b: 'a' }))
    expect(s.lookup('GET', '/other/a/b/')).toEqual(found('GET /{d}/{rest:path}', { d: 'other', rest: 'a/b/' }))
  })

  it('rejects routes that would answer the same path once a trailing slash is ignored', () => {
    const t = table(['GET', '/a//'])
    expect(() => t.add('GET', '/a', 'again')).toThrow('Cannot register route GET /a: GET /a// answers the same path')
    expect(() => t.add('HEAD', '/a', 'again')).toThrow('Cannot register route HEAD /a: the HEAD of GET /a// answers')
    expect(t.lookup('GET', '/a/')).toEqual(found('GET /a//'))
    expect(t.lookup('GET', '/a')).toEqual({ kind: 'not-found' })
  })

  it('ignores a trailing slash even where find-my-way would first try an empty parameter', () => {
    // find-my-way reaches '/ab/{id}' with id '' for '/ab/' (static 'ab/' before the parameter) and stops there
    const t = table(['GET', '/ab/{id}'], ['GET', '/{name}'], ['POST', '/{name}'])
    expect(t.lookup('GET', '/ab/')).toEqual(found('GET /{name}', { name: 'ab' }))
    expect(t.lookup('GET', '/ab/?q=1#f')).toEqual(found('GET /{name}', { name: 'ab' }, 'q=1'))
    expect(t.lookup('HEAD', '/ab/')).toEqual(found('GET /{name}', { name: 'ab' }))
    expect(t.lookup('PUT', '/ab/')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD, POST' })
    expect(t.lookup('GET', '/ab/x')).toEqual(found('GET /ab/{id}', { id: 'x' }))
    // one trailing slash only
    expect(t.lookup('GET', '/ab//')).toEqual({ kind: 'not-found' })
  })

  it('does not crash on duplicate slashes or odd urls (find-my-way defaults: no match)', () => {
    const t = table(['GET', '/'], ['GET', '/a/b'], ['GET', '/x/{id}'])
    for (const url of ['//', '//a//b', '/a//b', '/x//', '', '*', '?', '#', 'http://', '/a/b?', '/%', '/%%%']) {
      expect(() => t.lookup('GET', url)).not.toThrow()
    }
    expect(t.lookup('GET', '/a//b').kind).toBe('not-found')
    expect(t.lookup('GET', '/a/b?')).toEqual(found('GET /a/b'))
  })

  it('answers HEAD for every GET route, and an explicit HEAD route wins', () => {
    const t = table(['GET', '/items/{id}'], ['GET', '/other'])
    expect(t.lookup('HEAD', '/items/1')).toEqual(found('GET /items/{id}', { id: '1' }))
    t.add('HEAD', '/items/{item_id}', 'explicit head')
    expect(t.lookup('HEAD', '/items/1')).toEqual(found('explicit head', { item_id: '1' }))
    expect(t.lookup('GET', '/items/1')).toEqual(found('GET /items/{id}', { id: '1' }))
    expect(t.lookup('HEAD', '/other')).toEqual(found('GET /other'))
  })

  it('keeps an explicit HEAD route registered before the GET route', () => {
    const t = table(['HEAD', '/a'], ['GET', '/a'])
    expect(t.lookup('HEAD', '/a')).toEqual(found('HEAD /a'))
    expect(t.lookup('GET', '/a')).toEqual(found('GET /a'))
  })

  it('answers method-not-allowed with a sorted Allow list', () => {
    const t = table(['POST', '/items'], ['GET', '/items'], ['DELETE', '/items/{id}'], ['OPTIONS', '/items/{id}'])
    expect(t.lookup('PUT', '/items')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD, POST' })
    expect(t.lookup('GET', '/items/3')).toEqual({ kind: 'method-not-allowed', allow: 'DELETE, OPTIONS' })
    expect(t.lookup('PATCH', '/items/?x=1')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD, POST' })
    expect(t.lookup('BREW', '/items')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD, POST' })
  })

  it('never matches a parameter to an empty segment', () => {
    const t = table(['DELETE', '/items/{id}'], ['GET', '/users/{id}/posts'], ['POST', '/items'])
    expect(t.lookup('DELETE', '/items/')).toEqual({ kind: 'method-not-allowed', allow: 'POST' })
    expect(t.lookup('DELETE', '/items//')).toEqual({ kind: 'not-found' })
    expect(t.lookup('GET', '/users//posts')).toEqual({ kind: 'not-found' })
    expect(t.lookup('PUT', '/users//posts')).toEqual({ kind: 'not-found' })
    expect(t.lookup('DELETE', '/items/1/')).toEqual(found('DELETE /items/{id}', { id: '1' }))
  })

  it('answers not-found when no method has the path', () => {
    const t = table(['GET', '/items'])
    expect(t.lookup('GET', '/nope')).toEqual({ kind: 'not-found' })
    expect(t.lookup('POST', '/nope')).toEqual({ kind: 'not-found' })
    expect(new RouteTable().lookup('GET', '/')).toEqual({ kind: 'not-found' })
  })

  it('splits off the query string and drops a fragment', () => {
    const t = table(['GET', '/items/{id}'])
    expect(t.lookup('GET', '/items/5?q=x')).toEqual(found('GET /items/{id}', { id: '5' }, 'q=x'))
    expect(t.lookup('GET', '/items/5?q=x&r=a%20b')).toEqual(found('GET /items/{id}', { id: '5' }, 'q=x&r=a%20b'))
    expect(t.lookup('GET', '/items/5?q=x#frag')).toEqual(found('GET /items/{id}', { id: '5' }, 'q=x'))
    expect(t.lookup('GET', '/items/5#frag')).toEqual(found('GET /items/{id}', { id: '5' }))
    expect(t.lookup('GET', '/items/5#frag?q=x')).toEqual(found('GET /items/{id}', { id: '5' }))
    expect(t.lookup('GET', '/items/5?')).toEqual(found('GET /items/{id}', { id: '5' }))
    // an encoded path takes find-my-way's slower decoding path; the query comes back the same
    expect(t.lookup('GET', '/items/a%20b?q=%20#x')).toEqual(found('GET /items/{id}', { id: 'a b' }, 'q=%20'))
    expect(t.lookup('GET', '/items/5/?q=x')).toEqual(found('GET /items/{id}', { id: '5' }, 'q=x'))
  })

  it('rejects the same method and path twice, naming both', () => {
    const t = table(['GET', '/items/{id}'], ['GET', '/users'])
    expect(() => t.add('GET', '/items/{id}', 'again')).toThrow('Route GET /items/{id} is declared twice')
    expect(() => t.add('GET', '/items/:item_id', 'again')).toThrow(
      "Route GET /items/:item_id is declared twice (as '/items/{id}')",
    )
    expect(() => t.add('GET', '/users/', 'again')).toThrow('Route GET /users/ is declared twice')
    // other methods on the same path are fine
    expect(() => t.add('POST', '/items/{id}', 'post')).not.toThrow()
  })

  it('reports find-my-way errors with the route', () => {
    expect(() => table(['get', '/x'])).toThrow('Cannot register route get /x')
  })

  it('lists the registered routes with their OpenAPI paths', () => {
    const t = table(['GET', '/items/:id'], ['POST', '/files/{p:path}'])
    expect(t.routes()).toEqual([
      { method: 'GET', path: '/items/{id}', route: 'GET /items/:id' },
      { method: 'POST', path: '/files/{p}', route: 'POST /files/{p:path}' },
    ])
  })

  it('keeps working when routes are added after lookups', () => {
    const t = table(['GET', '/a'])
    expect(t.lookup('GET', '/a').kind).toBe('found')
    t.add('GET', '/b', 'b')
    expect(t.lookup('GET', '/b')).toEqual(found('b'))
    expect(t.lookup('GET', '/a').kind).toBe('found')
  })

  it('matches a long parameter as Starlette does, and limits it to maxParamLength when asked', () => {
    const long = 'x'.repeat(300)
    expect(table(['GET', '/items/{id}']).lookup('GET', `/items/${long}`)).toEqual(
      found('GET /items/{id}', { id: long }),
    )
    const t = new RouteTable<string>({ maxParamLength: 200 })
    t.add('GET', '/items/{id}', 'item')
    expect(t.lookup('GET', `/items/${long}`)).toEqual({ kind: 'not-found' })
  })
})
