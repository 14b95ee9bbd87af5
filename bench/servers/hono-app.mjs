// Hono, validation by hand: served on Node by hono.mjs (@hono/node-server), on Bun and Deno by fetch-serve.mjs.
import { Hono } from 'hono'
import { ctxOf, INTEGER, makeList, tokenOf, userOf, validateItem } from './shared.mjs'

const list = makeList()

export const app = new Hono()

app.get('/hello', (c) => c.json({ message: 'Hello World' }))

app.get('/items/:id', (c) => {
  const id = c.req.param('id')
  const q = c.req.query('q')
  if (!INTEGER.test(id)) return c.json({ error: 'invalid item_id' }, 400)
  return c.json({ item_id: Number(id), q })
})

app.post('/items', async (c) => {
  let body
  try {
    body = await c.req.json()
  } catch {
    return c.json({ error: 'malformed JSON' }, 400)
  }
  const item = validateItem(body)
  if (item === null) return c.json({ error: 'invalid item' }, 400)
  return c.json(item, 201)
})

// The /deps chain as middleware passing values with c.set / c.get.
app.get(
  '/deps',
  (c, next) => {
    c.set('token', tokenOf(c.req.header('x-token')))
    return next()
  },
  (c, next) => {
    c.set('user', userOf(c.get('token')))
    return next()
  },
  (c, next) => {
    c.set('ctx', ctxOf(c.get('user')))
    return next()
  },
  (c) => c.json({ user: c.get('user'), ctx: c.get('ctx') }),
)

app.get('/list', (c) => c.json(list))
