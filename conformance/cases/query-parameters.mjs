// Requests for docs/query-parameters.md: defaults, optional values, booleans, required and lists.
import { routeCases } from '../generate.mjs'

const get = (sample, name, url) => ({ sample, name, method: 'GET', url })

const handWritten = [
  get('defaults', 'no parameters', '/items/'),
  get('defaults', 'no trailing slash', '/items?skip=1'),
  get('defaults', 'past the end', '/items/?skip=10'),
  get('defaults', 'a negative limit', '/items/?limit=-1'),
  get('defaults', 'repeated skip', '/items/?skip=1&skip=2'),
  get('defaults', 'an empty skip', '/items/?skip='),
  get('optional', 'q empty', '/items/foo?q='),
  get('optional', 'short as a word', '/items/foo?short=yes'),
  get('optional', 'short empty', '/items/foo?short='),
  get('optional', 'short as 2', '/items/foo?short=2'),
  get('optional', 'short in capitals', '/items/foo?short=TRUE'),
  get('required', 'needy missing', '/items/foo-item'),
  get('required', 'needy present', '/items/foo-item?needy=sooooneedy'),
  get('required', 'tags and a limit', '/items/x?needy=a&tag=red&tag=blue&limit=5'),
  get('required', 'limit too big', '/items/x?needy=a&limit=500'),
  get('required', 'limit zero', '/items/x?needy=a&limit=0'),
  get('required', 'needy empty', '/items/x?needy='),
  get('required', 'tag as brackets', '/items/x?needy=a&tag[]=red'),
]

export default [
  ...handWritten,
  ...routeCases({ sample: 'defaults', path: '/items/', query: { skip: '0', limit: '2' }, seed: 11 }),
  ...routeCases({
    sample: 'optional',
    path: '/items/{item_id}',
    params: { item_id: 'foo' },
    query: { q: 'bar', short: 'true' },
    seed: 12,
  }),
  ...routeCases({
    sample: 'required',
    path: '/items/{item_id}',
    params: { item_id: 'x' },
    query: { needy: 'a', limit: '5', tag: 'red' },
    seed: 13,
  }),
]
