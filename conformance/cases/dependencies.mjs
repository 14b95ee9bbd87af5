// Requests for docs/dependencies.md: shared query parameters, sub-dependencies, router and app
// dependencies, dependencies with yield.
import { fieldVariants, headerList, TRICKY, urlencode } from '../generate-extra.mjs'

const commons = ['/items', '/users'].flatMap((path) =>
  [
    ['no parameters', ''],
    ['all three', '?q=foo&skip=5&limit=10'],
    ['skip at its minimum', '?skip=0'],
    ['skip below its minimum', '?skip=-1'],
    ['limit at its maximum', '?limit=100'],
    ['limit above its maximum', '?limit=101'],
    ['limit below its minimum', '?limit=0'],
    ['skip not an integer', '?skip=abc'],
    ['skip a float', '?skip=1.5'],
    ['skip a float with zero fraction', '?skip=2.0'],
    ['skip with spaces', '?skip=%207'],
    ['skip beyond 2^53', '?skip=9007199254740993'],
    ['skip huge', '?skip=1e400'],
    ['limit and skip both wrong', '?skip=x&limit=y'],
    ['q empty', '?q='],
    ['q repeated: the last wins', '?q=a&q=b'],
    ['q unicode', '?q=%C3%A9t%C3%A9%20%F0%9F%98%80'],
    ['skip repeated', '?skip=1&skip=2'],
    ['unknown parameter ignored', '?other=1'],
  ].map(([name, query]) => ({
    sample: 'first-steps',
    name: `${path.slice(1)}: ${name}`,
    method: 'GET',
    url: path + query,
  })),
)

const subDependencies = [
  ['nothing', '/items', {}],
  ['the query', '/items?q=hi', {}],
  ['the cookie', '/items', { cookie: 'last_query=old' }],
  ['the query wins over the cookie', '/items?q=hi', { cookie: 'last_query=old' }],
  ['an empty query', '/items?q=', { cookie: 'last_query=old' }],
  ['a quoted cookie', '/items', { cookie: 'last_query="quoted value"' }],
  ['a percent-encoded cookie', '/items', { cookie: 'last_query=a%20b' }],
  ['a duplicate cookie: the last wins', '/items', { cookie: 'last_query=first; last_query=second' }],
  ['other cookies around it', '/items', { cookie: 'a=1; last_query=mid; b=2' }],
  ['an empty cookie', '/items', { cookie: 'last_query=' }],
  ['a unicode query', '/items?q=%E2%9C%93', {}],
  ['POST is not allowed', '/items', {}, 'POST'],
].map(([name, url, headers, method]) => ({ sample: 'sub-dependencies', name, method: method ?? 'GET', url, headers }))

const key = { 'x-key': 'fake-super-secret-key' }
const token = { 'x-token': 'fake-super-secret-token' }
const routerDeps = [
  ['users: no key', '/users', {}],
  ['users: the key', '/users', key],
  ['users: a wrong key', '/users', { 'x-key': 'nope' }],
  ['users: an empty key', '/users', { 'x-key': '' }],
  ['users: the token is not needed', '/users', { ...key, ...token }],
  ['users: the key under an underscore name', '/users', { x_key: 'fake-super-secret-key' }],
  ['items: nothing', '/items/', {}],
  ['items: key and token', '/items/', { ...key, ...token }],
  ['items: the key only', '/items/', key],
  ['items: the token only', '/items/', token],
  ['items: a wrong key and the token', '/items/', { 'x-key': 'nope', ...token }],
  ['items: the key and a wrong token', '/items/', { ...key, 'x-token': 'nope' }],
  ['items: no key and a wrong token', '/items/', { 'x-token': 'nope' }],
  ['items: both wrong', '/items/', { 'x-key': 'a', 'x-token': 'b' }],
  ['items without the trailing slash', '/items', { ...key, ...token }],
  ['items with a repeated key header', '/items/', { 'x-key': ['fake-super-secret-key', 'second'], ...token }],
  [
    'items with a repeated key header, the right one second',
    '/items/',
    { 'x-key': ['first', 'fake-super-secret-key'], ...token },
  ],
  ['an unknown path', '/nothing', key],
].map(([name, url, headers]) => ({ sample: 'router-deps', name, method: 'GET', url, headers }))

const withYield = [
  ['an item that exists', '/items/1'],
  ['an item that does not', '/items/2'],
  ['a negative id', '/items/-1'],
  ['an id that is not an integer', '/items/abc'],
  ['a float id', '/items/1.5'],
  ['an id beyond 2^53', '/items/9007199254740993'],
  ['a huge id', '/items/1e400'],
  ['a percent-encoded id', '/items/%31'],
  ['a trailing slash', '/items/1/'],
  ['no id', '/items/'],
].map(([name, url]) => ({ sample: 'with-yield', name, method: 'GET', url }))

// The users service is not running in the suite: both twins fail the same dependency.
const overrides = [
  ['the users service is down', 'GET', '/me'],
  ['POST is not allowed', 'POST', '/me'],
  ['an unknown path', 'GET', '/you'],
].map(([name, method, url]) => ({ sample: 'overrides', name, method, url }))

// Generated: each input of each route varied one at a time, then two at once (seeded).
const generated = [
  // /users shares the dependency with /items: the hand-written cases above cover it.
  ...fieldVariants({
    fields: { q: 'foo', skip: '5', limit: '10' },
    seed: 1,
    build: (pairs) => ({ url: `/items?${urlencode(pairs)}` }),
  }).map((c) => ({ ...c, sample: 'first-steps', name: `generated /items: ${c.name}`, method: 'GET' })),
  ...fieldVariants({
    fields: { q: 'hi', last_query: 'old' },
    headers: true,
    seed: 3,
    build: (pairs) => ({
      url: `/items?${urlencode(pairs.filter(([n]) => n === 'q'))}`,
      headers: {
        cookie: pairs
          .filter(([n]) => n === 'last_query')
          .map(([n, v]) => `${n}=${v}`)
          .join('; '),
      },
    }),
  }).map((c) => ({ ...c, sample: 'sub-dependencies', name: `generated: ${c.name}`, method: 'GET' })),
  ...fieldVariants({
    fields: { 'x-key': 'fake-super-secret-key', 'x-token': 'fake-super-secret-token' },
    headers: true,
    seed: 4,
    build: (pairs) => ({ url: '/items/', headers: headerList(pairs) }),
  }).map((c) => ({ ...c, sample: 'router-deps', name: `generated: ${c.name}`, method: 'GET' })),
  ...TRICKY.map((value) => ({
    sample: 'with-yield',
    name: `generated: item_id = ${JSON.stringify(value).slice(0, 40)}`,
    method: 'GET',
    url: `/items/${encodeURIComponent(value)}`,
  })),
]

export default [...commons, ...subDependencies, ...routerDeps, ...withYield, ...overrides, ...generated]
