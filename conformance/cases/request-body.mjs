// Requests for docs/request-body.md: a JSON body model, with path and query parameters.
import { routeCases } from '../generate.mjs'

const post = (name, extra) => ({ sample: 'create-item', name, method: 'POST', url: '/items/', ...extra })

const handWritten = [
  post('the example', { json: { name: 'Foo', price: 50.5, tax: 2 } }),
  post('only the required fields', { json: { name: 'Foo', price: 1 } }),
  post('price as a numeric string', { json: { name: 'Foo', price: '3' } }),
  post('a broken JSON body', { headers: { 'content-type': 'application/json' }, body: '{"name": "Foo",' }),
  post('no body at all'),
  post('a form body', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Foo&price=1' }),
  post('no trailing slash', { url: '/items' }),
  { sample: 'create-item', name: 'GET the collection', method: 'GET', url: '/items/' },
  {
    sample: 'body-path-query',
    name: 'everything',
    method: 'PUT',
    url: '/items/5?q=hi',
    json: { name: 'Foo', price: 1 },
  },
  { sample: 'body-path-query', name: 'every part wrong', method: 'PUT', url: '/items/x?q=', json: { name: 1 } },
]

const item = { name: 'Foo', description: 'A thing', price: 50.5, tax: 2 }

export default [
  ...handWritten,
  ...routeCases({ sample: 'create-item', method: 'POST', path: '/items/', body: item, seed: 21, mixed: 30 }),
  ...routeCases({
    sample: 'body-path-query',
    method: 'PUT',
    path: '/items/{item_id}',
    params: { item_id: 5 },
    query: { q: 'hi' },
    body: { name: 'Foo', price: 1 },
    seed: 22,
  }),
]
