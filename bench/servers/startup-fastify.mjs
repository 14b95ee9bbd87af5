// Fastify with 1,000 routes, each with its own params, query, body and response schemas (contract in ../startup.mjs).
import Fastify from 'fastify'
import Type from 'typebox'

const app = Fastify({ logger: false })

for (let i = 0; i < 1000; i++) {
  const schema = {
    params: Type.Object({ id: Type.Integer() }),
    querystring: Type.Object({ q: Type.Optional(Type.String()), limit: Type.Integer({ default: 10 }) }),
    body: Type.Object({
      name: Type.String({ minLength: 1, maxLength: 100 }),
      price: Type.Number({ exclusiveMinimum: 0 }),
      tags: Type.Array(Type.String(), { default: [] }),
    }),
    response: {
      200: Type.Object({
        route: Type.Integer(),
        id: Type.Integer(),
        name: Type.String(),
        price: Type.Number(),
        tags: Type.Array(Type.String()),
        q: Type.Optional(Type.String()),
        limit: Type.Integer(),
      }),
    },
  }
  app.post(`/r${i}/:id`, { schema }, (request) => ({
    route: i,
    id: request.params.id,
    ...request.body,
    q: request.query.q,
    limit: request.query.limit,
  }))
}

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
