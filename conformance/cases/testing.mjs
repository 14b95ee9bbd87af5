// Requests for docs/testing.md: the Items app its tests drive (a store from the lifespan, a token).
import { routeCases } from '../generate.mjs'

const token = { 'x-token': 'coneofsilence' }

export default [
  { sample: 'app', name: 'nothing stored yet', method: 'GET', url: '/items/1' },
  { sample: 'app', name: 'create', method: 'POST', url: '/items', headers: token, json: { name: 'Foo' } },
  { sample: 'app', name: 'read what was created', method: 'GET', url: '/items/1' },
  {
    sample: 'app',
    name: 'create with a bad token',
    method: 'POST',
    url: '/items',
    headers: { 'x-token': 'x' },
    json: { name: 'Foo' },
  },
  { sample: 'app', name: 'create without a token', method: 'POST', url: '/items', json: { name: 'Foo' } },
  {
    sample: 'app',
    name: 'create with an empty name',
    method: 'POST',
    url: '/items',
    headers: token,
    json: { name: '' },
  },
  ...routeCases({
    sample: 'app',
    name: 'create',
    method: 'POST',
    path: '/items',
    headers: token,
    body: { name: 'Bar' },
    seed: 71,
  }),
  ...routeCases({ sample: 'app', name: 'read', path: '/items/{item_id}', params: { item_id: 1 } }),
]
