// The benchmark contract: what every server (peers and typefast) must answer.
// The harness verifies each server against `checks` before measuring it and loads it with `load`.
// apps/bench/src/app.ts follows this file; keep both in step.
//
// GET  /hello            200 {"message":"Hello World"}
// GET  /items/{id}?q=    id an integer (else 4xx: 422 typefast, 400 peers), q an optional string;
//                        200 {"item_id":id,"q":q}, the "q" key left out when q is absent
// POST /items            body {name: string 1..100 chars, price: number > 0, tags: string[] default []};
//                        201 {"id":1,"name":..,"price":..,"tags":[..]}, other body fields are not echoed;
//                        an invalid or malformed body answers 4xx
// GET  /deps             three chained dependencies:
//                          A  token = header x-token, or 'anon' when absent
//                          B  user  = { id: token.length, name: token, admin: token === 'root' }  (from A)
//                          C  ctx   = { userId: user.id, locale: 'en', scopes: user.admin ? ['all'] : ['read'] }  (from B)
//                        200 {"user":user,"ctx":ctx}
// GET  /list             200 makeList(): 100 items built once at start-up, serialized by schema where the
//                        framework has one (item: {id: integer, name: string, price: number, tags: string[]})

// Item i (1..100) of /list: the same values in every server.
export function makeList() {
  return Array.from({ length: 100 }, (_, k) => {
    const i = k + 1
    return { id: i, name: `Item ${i}`, price: i + 0.5, tags: Array.from({ length: i % 4 }, (_, t) => `tag${t}`) }
  })
}

// The /deps chain, as the expected answer for a given token (the servers write it out themselves).
function depsAnswer(token) {
  const user = { id: token.length, name: token, admin: token === 'root' }
  const ctx = { userId: user.id, locale: 'en', scopes: user.admin ? ['all'] : ['read'] }
  return { user, ctx }
}

const json = { 'content-type': 'application/json' }
const itemBody = { name: 'Widget', price: 9.99, tags: ['a', 'b'] }

// A check sends `send` (an object is sent as JSON, a string as it is) and expects `status` (a code, or '4xx' for
// any client error) and, when given, the JSON body `json` (deep equal, key order free).
// `load` is the request autocannon repeats: method, path, headers and a fixed body string.
export const endpoints = {
  hello: {
    load: { method: 'GET', path: '/hello' },
    checks: [{ method: 'GET', path: '/hello', status: 200, json: { message: 'Hello World' } }],
  },
  item: {
    load: { method: 'GET', path: '/items/42?q=hello' },
    checks: [
      { method: 'GET', path: '/items/42?q=hello', status: 200, json: { item_id: 42, q: 'hello' } },
      { method: 'GET', path: '/items/7', status: 200, json: { item_id: 7 } },
      { method: 'GET', path: '/items/abc', status: '4xx' },
      { method: 'GET', path: '/items/4.5', status: '4xx' },
    ],
  },
  create: {
    load: { method: 'POST', path: '/items', headers: json, body: JSON.stringify(itemBody) },
    checks: [
      { method: 'POST', path: '/items', headers: json, send: itemBody, status: 201, json: { id: 1, ...itemBody } },
      {
        method: 'POST',
        path: '/items',
        headers: json,
        send: { name: 'Bare', price: 1, secret: 'x' },
        status: 201,
        json: { id: 1, name: 'Bare', price: 1, tags: [] },
      },
      { method: 'POST', path: '/items', headers: json, send: { name: '', price: 1 }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: { name: 'x'.repeat(101), price: 1 }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: { name: 'Zero', price: 0 }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: { price: 1 }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: { name: 'Text', price: 'abc' }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: { name: 'Tags', price: 1, tags: [{}] }, status: '4xx' },
      { method: 'POST', path: '/items', headers: json, send: '{"name": "broken', status: '4xx' },
    ],
  },
  deps: {
    load: { method: 'GET', path: '/deps', headers: { 'x-token': 'alice' } },
    checks: [
      { method: 'GET', path: '/deps', headers: { 'x-token': 'alice' }, status: 200, json: depsAnswer('alice') },
      { method: 'GET', path: '/deps', headers: { 'x-token': 'root' }, status: 200, json: depsAnswer('root') },
      { method: 'GET', path: '/deps', status: 200, json: depsAnswer('anon') },
    ],
  },
  list: {
    load: { method: 'GET', path: '/list' },
    checks: [{ method: 'GET', path: '/list', status: 200, json: makeList() }],
  },
}
