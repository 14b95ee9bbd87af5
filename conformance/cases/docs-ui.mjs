// Requests for docs/docs-ui.md: where the document and the pages are, and where they are not.
const get = (sample, name, url) => ({ sample, name, method: 'GET', url })

export default [
  get('production', 'the items', '/items/'),
  get('production', 'the document outside production', '/openapi.json'),
  get('swagger-parameters', 'a user', '/users/ada'),
  get('swagger-parameters', 'a unicode user', '/users/%C3%A9t%C3%A9'),
  get('swagger-parameters', 'the document', '/openapi.json'),
  get('urls', 'the items', '/items/'),
  get('urls', 'the moved document', '/api/v1/openapi.json'),
  get('urls', 'no document at the default URL', '/openapi.json'),
  get('urls', 'no docs at the default URL', '/docs'),
  get('urls', 'no redoc', '/redoc'),
]
