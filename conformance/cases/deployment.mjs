// Requests for docs/deployment.md: the served module's health check and its limits.
export default [
  { sample: 'main', name: 'health', method: 'GET', url: '/health' },
  { sample: 'main', name: 'HEAD health', method: 'HEAD', url: '/health' },
  { sample: 'main', name: 'POST health', method: 'POST', url: '/health' },
  { sample: 'main', name: 'health with a trailing slash', method: 'GET', url: '/health/' },
  { sample: 'main', name: 'an unknown path', method: 'GET', url: '/ready' },
  { sample: 'main', name: 'the document', method: 'GET', url: '/openapi.json' },
  { sample: 'main', name: 'a long URL', method: 'GET', url: `/health?pad=${'a'.repeat(5000)}` },
]
