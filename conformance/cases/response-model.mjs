// Requests for docs/response-model.md: an output model that filters, statuses per response.
import { routeCases } from '../generate.mjs'

const user = { username: 'alice', password: 'correct horse', email: 'alice@example.com' }

// status.ts keeps state: the DELETE comes after the reads that find the item.
const status = [
  ['found', 'GET', '/items/1'],
  ['not found', 'GET', '/items/2'],
  ['not an integer', 'GET', '/items/x'],
  ['POST is not allowed', 'POST', '/items/1'],
  ['deleted', 'DELETE', '/items/1'],
  ['gone after the delete', 'GET', '/items/1'],
  ['deleted again', 'DELETE', '/items/1'],
  ['delete with a bad id', 'DELETE', '/items/x'],
].map(([name, method, url]) => ({ sample: 'status', name, method, url }))

export default [
  { sample: 'filter', name: 'the password does not leak', method: 'POST', url: '/users/', json: user },
  { sample: 'filter', name: 'short password', method: 'POST', url: '/users/', json: { ...user, password: 'x' } },
  ...status,
  ...routeCases({ sample: 'filter', method: 'POST', path: '/users/', body: user, seed: 31 }),
  ...routeCases({ sample: 'status', name: 'generated', path: '/items/{item_id}', params: { item_id: 7 } }),
]
