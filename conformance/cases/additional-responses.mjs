// Requests for docs/additional-responses.md: documented extra responses, on a route and a router.
import { routeCases } from '../generate.mjs'

export default [
  { sample: 'extra', name: 'found', method: 'GET', url: '/items/foo' },
  { sample: 'extra', name: 'not found', method: 'GET', url: '/items/bar' },
  { sample: 'extra', name: 'forbidden', method: 'GET', url: '/items/secret' },
  { sample: 'router', name: 'read', method: 'GET', url: '/items/1' },
  { sample: 'router', name: 'replace', method: 'PUT', url: '/items/1', json: { name: 'New' } },
  { sample: 'router', name: 'DELETE is not allowed', method: 'DELETE', url: '/items/1' },
  ...routeCases({ sample: 'extra', path: '/items/{item_id}', params: { item_id: 'foo' } }),
  ...routeCases({
    sample: 'router',
    name: 'put',
    method: 'PUT',
    path: '/items/{item_id}',
    params: { item_id: 'a' },
    body: { name: 'New' },
    seed: 51,
  }),
]
