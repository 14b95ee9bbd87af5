// Requests for docs/metadata-and-tags.md (the documents are compared operation by operation).
const get = (sample, name, url) => ({ sample, name, method: 'GET', url })

export default [
  get('metadata', 'the items', '/items/'),
  get('metadata', 'the document', '/openapi.json'),
  get('tags', 'users', '/users/'),
  get('tags', 'items', '/items/'),
  get('tags', 'legacy items', '/items/legacy'),
  get('tags', 'health', '/health'),
  get('tags', 'metrics, left out of the document', '/internal/metrics'),
  get('tags', 'the document', '/openapi.json'),
]
