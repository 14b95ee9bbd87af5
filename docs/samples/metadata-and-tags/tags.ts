import { createApp, get, router } from 'typefast'

const users = router(
  { prefix: '/users', tags: ['users'] },
  get('/', function getUsers() {
    return [{ name: 'Harry' }, { name: 'Ron' }]
  }),
)

const items = router(
  { prefix: '/items', tags: ['items'] },
  get('/', function getItems() {
    return [{ name: 'wand' }, { name: 'flying broom' }]
  }),
  get(
    '/legacy',
    { summary: 'Items, the old way', description: 'Use `GET /items` instead.', deprecated: true },
    function getLegacyItems() {
      return []
    },
  ),
)

export const app = createApp({
  title: 'Magic shop',
  openapiTags: [
    { name: 'users', description: 'Operations with users. The **login** logic is also here.' },
    {
      name: 'items',
      description: 'Manage items. So _fancy_ they have their own docs.',
      externalDocs: { description: 'Items external docs', url: 'https://example.com/items' },
    },
  ],
})
  .include(users, items)
  .get('/health', { tags: ['ops'], operationId: 'health' }, function health() {
    return { ok: true }
  })
  .get('/internal/metrics', { includeInSchema: false }, () => ({ requests: 0 }))
