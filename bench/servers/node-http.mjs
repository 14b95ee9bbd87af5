// Raw node:http, routing and validation by hand: the physical limit the frameworks are measured against.
import { createServer } from 'node:http'
import { parse } from 'node:querystring'
import { ctxOf, INTEGER, makeList, tokenOf, userOf, validateItem } from './shared.mjs'

const list = makeList()

// With Content-Length: without it node answers in chunked encoding, which costs more per response.
function send(res, status, value) {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

function readJson(req, onBody) {
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    let body
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      body = null
    }
    onBody(body)
  })
}

const server = createServer((req, res) => {
  const url = req.url
  const mark = url.indexOf('?')
  const path = mark === -1 ? url : url.slice(0, mark)

  if (req.method === 'GET') {
    if (path === '/hello') return send(res, 200, { message: 'Hello World' })
    if (path === '/list') return send(res, 200, list)
    if (path === '/deps') {
      const user = userOf(tokenOf(req.headers['x-token']))
      return send(res, 200, { user, ctx: ctxOf(user) })
    }
    if (path.startsWith('/items/')) {
      const id = path.slice(7)
      const q = mark === -1 ? undefined : parse(url.slice(mark + 1)).q
      if (!INTEGER.test(id) || (q !== undefined && typeof q !== 'string')) {
        return send(res, 400, { error: 'invalid item_id or q' })
      }
      return send(res, 200, { item_id: Number(id), q })
    }
  } else if (req.method === 'POST' && path === '/items') {
    return readJson(req, (body) => {
      const item = validateItem(body)
      if (item === null) send(res, 400, { error: 'invalid item' })
      else send(res, 201, item)
    })
  }
  send(res, 404, { error: 'Not Found' })
})

server.listen(Number(process.env.PORT), '127.0.0.1')
