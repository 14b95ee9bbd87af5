// Express 5 with express.json() and validation by hand.
import express from 'express'
import { ctxOf, INTEGER, makeList, tokenOf, userOf, validateItem } from './shared.mjs'

const list = makeList()

const app = express()
// Production settings: no X-Powered-By header and no ETag hashing of every body (the other peers do neither).
app.disable('x-powered-by')
app.set('etag', false)
app.use(express.json())

app.get('/hello', (_req, res) => {
  res.json({ message: 'Hello World' })
})

app.get('/items/:id', (req, res) => {
  const { id } = req.params
  const { q } = req.query
  if (!INTEGER.test(id) || (q !== undefined && typeof q !== 'string')) {
    return res.status(400).json({ error: 'invalid item_id or q' })
  }
  res.json({ item_id: Number(id), q })
})

app.post('/items', (req, res) => {
  const item = validateItem(req.body)
  if (item === null) return res.status(400).json({ error: 'invalid item' })
  res.status(201).json(item)
})

// The /deps chain as a middleware chain passing values in res.locals.
app.get(
  '/deps',
  (req, res, next) => {
    res.locals.token = tokenOf(req.headers['x-token'])
    next()
  },
  (_req, res, next) => {
    res.locals.user = userOf(res.locals.token)
    next()
  },
  (_req, res, next) => {
    res.locals.ctx = ctxOf(res.locals.user)
    next()
  },
  (_req, res) => {
    res.json({ user: res.locals.user, ctx: res.locals.ctx })
  },
)

app.get('/list', (_req, res) => {
  res.json(list)
})

// Malformed JSON and other errors answer JSON instead of the default HTML page.
app.use((err, _req, res, _next) => {
  res.status(err.status ?? 500).json({ error: err.message })
})

app.listen(Number(process.env.PORT), '127.0.0.1')
