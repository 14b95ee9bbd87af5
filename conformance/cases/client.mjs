// Requests for docs/client.md: the Shop the typed client calls.
import { routeCases } from '../generate.mjs'

const key = { 'x-api-key': 'secret' }

export default [
  { sample: 'app', name: 'an item', method: 'GET', url: '/items/1' },
  { sample: 'app', name: 'no such item', method: 'GET', url: '/items/99' },
  { sample: 'app', name: 'a report', method: 'GET', url: '/report' },
  // The report sleeps for delay_ms: only small or invalid delays are sent.
  ...['-1', '1', '1.5', 'abc', '', ' 2', '1e400', 'nan'].map((delay) => ({
    sample: 'app',
    name: `a report with delay_ms = ${JSON.stringify(delay)}`,
    method: 'GET',
    url: `/report?delay_ms=${encodeURIComponent(delay)}`,
  })),
  { sample: 'app', name: 'create without a key', method: 'POST', url: '/items', json: { name: 'Saw', price: 12 } },
  {
    sample: 'app',
    name: 'create with a wrong key',
    method: 'POST',
    url: '/items',
    headers: { 'x-api-key': 'nope' },
    json: { name: 'Saw', price: 12 },
  },
  {
    sample: 'app',
    name: 'create without a key and with a bad body',
    method: 'POST',
    url: '/items',
    json: { name: '' },
  },
  ...routeCases({
    sample: 'app',
    name: 'create',
    method: 'POST',
    path: '/items',
    headers: key,
    body: { name: 'Saw', price: 12 },
    seed: 61,
  }),
  ...routeCases({ sample: 'app', name: 'read', path: '/items/{item_id}', params: { item_id: 1 } }),
]
