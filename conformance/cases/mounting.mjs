// Requests for docs/mounting.md: an app mounted under /admin, and root_path /shop behind a proxy.
const requests = [
  ['the items', '/items'],
  ['the items under the root path', '/shop/items'],
  ['the mounted users', '/admin/users'],
  ['the mounted users under the root path', '/shop/admin/users'],
  ['the mount point itself', '/admin'],
  ['the mount point with a slash', '/admin/'],
  ['an unknown path under the mount', '/admin/nothing'],
  ['an unknown path', '/nothing'],
  ['the mounted users with a trailing slash', '/admin/users/'],
  ['a path that only starts like the mount', '/administrators'],
  ['the root path alone', '/shop'],
  ['the doubled root path', '/shop/shop/items'],
  ['the mounted app does not see the outer routes', '/admin/items'],
  ['the OpenAPI document', '/openapi.json'],
  ['the OpenAPI document under the root path', '/shop/openapi.json'],
  ["the mounted app's OpenAPI document", '/admin/openapi.json'],
  ["the mounted app's OpenAPI document under the root path", '/shop/admin/openapi.json'],
].map(([name, url]) => ({ sample: 'main', name, method: 'GET', url }))

export default [
  ...requests,
  { sample: 'main', name: 'POST to the mounted users', method: 'POST', url: '/admin/users' },
  { sample: 'main', name: 'POST to the items', method: 'POST', url: '/items' },
]
