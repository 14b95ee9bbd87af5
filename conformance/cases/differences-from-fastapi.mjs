// Requests for docs/differences-from-fastapi.md: one or more for each deliberate deviation.
const user = { name: 'Ada', password: 'correct horse' }
const request = (name, method, url, extra) => ({ sample: 'deviations', name, method, url, ...extra })

export default [
  request('a user', 'GET', '/users/42'),
  request('HEAD on a GET route', 'HEAD', '/users/42'),
  request('a trailing slash', 'GET', '/users/42/'),
  request('the static segment, declared second', 'GET', '/users/me', { deviation: 'static-segments' }),
  request('replace a user', 'PUT', '/users/42', { json: user }),
  request('the body as text/plain', 'PUT', '/users/42', {
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(user),
  }),
  request('the body as a form', 'PUT', '/users/42', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=Ada',
  }),
  request('an unexpected error', 'GET', '/boom'),
  request('a method the path does not answer', 'DELETE', '/users/42'),
  request('a password too short', 'PUT', '/users/42', { json: { name: 'Ada', password: 'hunter2' } }),
  request('a password of the wrong type', 'PUT', '/users/42', { json: { name: 'Ada', password: 12345678 } }),
  request('a name missing: the whole body echoed', 'PUT', '/users/42', { json: { password: 'hunter2' } }),
]
