// Requests for docs/security-current-user.md: a dependency on the security scheme.
import { bearerEdgeCases } from '../generate-extra.mjs'

export default [
  ...bearerEdgeCases({ sample: 'main', url: '/users/me' }),
  {
    sample: 'main',
    name: 'without the trailing slash',
    method: 'GET',
    url: '/users/me/',
    headers: { authorization: 'Bearer abc' },
  },
  {
    sample: 'main',
    name: 'POST is not allowed',
    method: 'POST',
    url: '/users/me',
    headers: { authorization: 'Bearer abc' },
  },
  {
    sample: 'main',
    name: 'the token route is not declared',
    method: 'POST',
    url: '/token',
    body: 'username=a&password=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
]
