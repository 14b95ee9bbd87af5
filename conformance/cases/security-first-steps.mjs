// Requests for docs/security-first-steps.md: OAuth2PasswordBearer reading the Authorization header.
import { bearerEdgeCases } from '../generate-extra.mjs'

export default [
  ...bearerEdgeCases({ sample: 'main', url: '/items/' }),
  {
    sample: 'main',
    name: 'without the trailing slash',
    method: 'GET',
    url: '/items',
    headers: { authorization: 'Bearer abc' },
  },
  {
    sample: 'main',
    name: 'POST is not allowed',
    method: 'POST',
    url: '/items/',
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
