// Requests for docs/first-steps.md: the hello-world app and route values with a router.
import { routeCases } from '../generate.mjs'

const get = (sample, name, url, extra) => ({ sample, name, method: 'GET', url, ...extra })

const main = [
  get('main', 'the root', '/'),
  get('main', 'the root with a query', '/?x=1&x=2'),
  get('main', 'an unknown path', '/nothing'),
  get('main', 'a path with a trailing slash', '/nothing/'),
  get('main', 'the root twice slashed', '//'),
  { sample: 'main', name: 'POST on the root', method: 'POST', url: '/' },
  { sample: 'main', name: 'DELETE on the root', method: 'DELETE', url: '/' },
  { sample: 'main', name: 'HEAD on the root', method: 'HEAD', url: '/' },
  { sample: 'main', name: 'OPTIONS on the root', method: 'OPTIONS', url: '/' },
  get('main', 'the document', '/openapi.json'),
  get('main', 'an unknown method name', '/', { method: 'BREW' }),
  get('main', 'a percent-encoded unknown path', '/%7E'),
  get('main', 'an accept header asking for text', '/', { headers: { accept: 'text/plain' } }),
]

const routes = [
  get('routes', 'health', '/health'),
  get('routes', 'health with a trailing slash', '/health/'),
  get('routes', 'greetings', '/greetings'),
  get('routes', 'greetings with a slash', '/greetings/'),
  get('routes', 'a greeting', '/greetings/fr'),
  get('routes', 'a greeting with a trailing slash', '/greetings/fr/'),
  get('routes', 'a greeting in unicode', '/greetings/%C3%A9t%C3%A9'),
  get('routes', 'a greeting with an encoded slash', '/greetings/a%2Fb'),
  get('routes', 'two segments', '/greetings/fr/extra'),
  { sample: 'routes', name: 'POST greetings', method: 'POST', url: '/greetings/' },
  { sample: 'routes', name: 'HEAD health', method: 'HEAD', url: '/health' },
  ...routeCases({ sample: 'routes', name: 'greeting', path: '/greetings/{language}', params: { language: 'fr' } }),
]

export default [...main, ...routes]
