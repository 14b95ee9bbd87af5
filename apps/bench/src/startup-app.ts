// The start-up app of bench/startup.mjs: 1,000 routes, each with its own params, query, body and response schemas
// (contract at the top of bench/startup.mjs), written as a typefast user would, like app.ts.
import { createApp, post, t } from 'typefast'

const routes = []
for (let i = 0; i < 1000; i++) {
  routes.push(
    post(
      `/r${i}/{id}`,
      {
        params: t.Object({ id: t.Integer() }),
        query: t.Object({ q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) }),
        body: t.Object({
          name: t.String({ minLength: 1, maxLength: 100 }),
          price: t.Number({ exclusiveMinimum: 0 }),
          tags: t.Array(t.String(), { default: [] }),
        }),
        response: t.Object({
          route: t.Integer(),
          id: t.Integer(),
          name: t.String(),
          price: t.Number(),
          tags: t.Array(t.String()),
          q: t.Optional(t.String()),
          limit: t.Integer(),
        }),
      },
      ({ params, query, body }) => ({ route: i, id: params.id, ...body, q: query.q, limit: query.limit }),
    ),
  )
}

// No access log, as the peers run without one (Fastify with `logger: false`).
export const app = createApp({ title: 'typefast start-up bench', openapiUrl: false, accessLog: false }).add(...routes)
