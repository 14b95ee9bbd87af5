// Fastify 5 with TypeBox schemas: ajv validates params, query and body, fast-json-stringify writes responses.
import Fastify from 'fastify'
import Type from 'typebox'
import { ctxOf, makeList, tokenOf, userOf } from './shared.mjs'

const list = makeList()

const Item = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  price: Type.Number({ exclusiveMinimum: 0 }),
  tags: Type.Array(Type.String(), { default: [] }),
})
const StoredItem = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  price: Type.Number(),
  tags: Type.Array(Type.String()),
})
const User = Type.Object({ id: Type.Integer(), name: Type.String(), admin: Type.Boolean() })
const Ctx = Type.Object({ userId: Type.Integer(), locale: Type.String(), scopes: Type.Array(Type.String()) })

const app = Fastify({ logger: false })

app.get('/hello', { schema: { response: { 200: Type.Object({ message: Type.String() }) } } }, () => ({
  message: 'Hello World',
}))

app.get(
  '/items/:id',
  {
    schema: {
      params: Type.Object({ id: Type.Integer() }),
      querystring: Type.Object({ q: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ item_id: Type.Integer(), q: Type.Optional(Type.String()) }) },
    },
  },
  (request) => ({ item_id: request.params.id, q: request.query.q }),
)

app.post('/items', { schema: { body: Item, response: { 201: StoredItem } } }, (request, reply) => {
  reply.code(201)
  return { id: 1, ...request.body }
})

// The /deps chain as route-level preHandler hooks, Fastify's idiom for per-request dependencies.
app.decorateRequest('token', '')
app.decorateRequest('user', null)
app.decorateRequest('ctx', null)
app.get(
  '/deps',
  {
    schema: { response: { 200: Type.Object({ user: User, ctx: Ctx }) } },
    preHandler: [
      (request, _reply, done) => {
        request.token = tokenOf(request.headers['x-token'])
        done()
      },
      (request, _reply, done) => {
        request.user = userOf(request.token)
        done()
      },
      (request, _reply, done) => {
        request.ctx = ctxOf(request.user)
        done()
      },
    ],
  },
  (request) => ({ user: request.user, ctx: request.ctx }),
)

app.get('/list', { schema: { response: { 200: Type.Array(StoredItem) } } }, () => list)

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
