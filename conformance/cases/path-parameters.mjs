// Requests for docs/path-parameters.md: plain and typed parameters, enums, order, paths.
import { routeCases } from '../generate.mjs'

const get = (sample, name, url, extra) => ({ sample, name, method: 'GET', url, ...extra })

const handWritten = [
  get('plain', 'a string', '/items/foo'),
  get('plain', 'a number stays a string', '/items/3'),
  get('plain', 'an encoded slash', '/items/a%2Fb'),
  get('plain', 'a trailing slash', '/items/foo/'),
  get('plain', 'no parameter', '/items/'),
  get('typed', 'an integer', '/items/3'),
  get('typed', 'beyond 2^53', '/items/9007199254740993'),
  get('typed', 'a float', '/items/4.2'),
  get('typed', 'a trailing slash', '/items/3/'),
  get('typed', 'negative', '/items/-5'),
  get('typed', 'with a plus sign', '/items/+5'),
  get('typed', 'with spaces', '/items/%205%20'),
  get('typed', 'underscores', '/items/1_000'),
  { sample: 'typed', name: 'HEAD an item', method: 'HEAD', url: '/items/3' },
  { sample: 'typed', name: 'POST an item', method: 'POST', url: '/items/3' },
  get('enum', 'alexnet', '/models/alexnet'),
  get('enum', 'lenet', '/models/lenet'),
  get('enum', 'resnet', '/models/resnet'),
  get('enum', 'not a model', '/models/foo'),
  get('enum', 'in capitals', '/models/AlexNet'),
  get('order', 'me', '/users/me', { deviation: 'static-segments' }),
  get('order', 'an id', '/users/42'),
  get('order', 'me with a trailing slash', '/users/me/', { deviation: 'static-segments' }),
  get('file-path', 'a file path', '/files/home/johndoe/myfile.txt'),
  get('file-path', 'an absolute path', '/files//home/johndoe/myfile.txt'),
  get('file-path', 'an empty path', '/files/'),
  get('file-path', 'dot segments', '/files/a/../b'),
  get('file-path', 'an encoded slash', '/files/a%2Fb'),
  get('file-path', 'a trailing slash', '/files/a/b/'),
]

export default [
  ...handWritten,
  ...routeCases({ sample: 'plain', path: '/items/{item_id}', params: { item_id: 'foo' } }),
  ...routeCases({ sample: 'typed', path: '/items/{item_id}', params: { item_id: 3 } }),
  ...routeCases({ sample: 'enum', path: '/models/{model_name}', params: { model_name: 'alexnet' } }),
  ...routeCases({ sample: 'file-path', path: '/files/{file_path}', params: { file_path: 'a.txt' } }),
]
