// Requests for docs/handling-errors.md: HTTPException, custom handlers, a bare 500.
import { routeCases } from '../generate.mjs'

const get = (sample, name, url) => ({ sample, name, method: 'GET', url })

export default [
  get('http-exception', 'found', '/items/foo'),
  get('http-exception', 'not found, with its header', '/items/bar'),
  get('custom-handler', 'a unicorn', '/unicorns/sparkle'),
  get('custom-handler', 'yolo', '/unicorns/yolo'),
  get('validation-handler', 'an integer', '/items/3'),
  get('validation-handler', 'not an integer: plain text 400', '/items/foo'),
  get('unexpected', 'boom', '/boom'),
  { sample: 'unexpected', name: 'POST boom', method: 'POST', url: '/boom' },
  ...routeCases({ sample: 'http-exception', path: '/items/{item_id}', params: { item_id: 'foo' } }),
  ...routeCases({ sample: 'custom-handler', path: '/unicorns/{name}', params: { name: 'sparkle' } }),
  ...routeCases({ sample: 'validation-handler', path: '/items/{item_id}', params: { item_id: 3 } }),
]
