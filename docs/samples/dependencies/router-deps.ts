import { createApp, dependency, get, HTTPException, router, t } from 'typefast'

const verifyToken = dependency({ headers: t.Object({ 'x-token': t.String() }) }, ({ headers }) => {
  if (headers['x-token'] !== 'fake-super-secret-token') throw new HTTPException(400, 'X-Token header invalid')
})

const verifyKey = dependency({ headers: t.Object({ 'x-key': t.String() }) }, ({ headers }) => {
  if (headers['x-key'] !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid')
  return headers['x-key']
})

// Router-level deps run for every route below; their values are not passed to the handlers.
const items = router(
  { prefix: '/items', deps: { verifyToken } },
  get('/', function readItems() {
    return [{ item: 'Portal Gun' }, { item: 'Plumbus' }]
  }),
)

// App-level deps run for every route of the app.
export const app = createApp({ deps: { verifyKey } })
  .include(items)
  .get('/users', function readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }]
  })
