import { createApp, get, HTTPException, type Middleware, router } from 'typefast'

const adminOnly: Middleware = (request, next) => {
  if (request.headers['x-admin-token'] !== 'secret') throw new HTTPException(403, 'Admins only')
  return next()
}

const admin = router(
  { prefix: '/admin', middleware: [adminOnly] },
  get('/stats', function readStats() {
    return { users: 42 }
  }),
)

export const app = createApp()
  .include(admin)
  .get('/', function root() {
    return { public: true }
  })
