import { createApp, dependency, t } from 'typefast'

// Declared once: its query parameters merge into every route that uses it.
export const commonParameters = dependency(
  {
    query: t.Object({
      q: t.Optional(t.Union([t.String(), t.Null()])), // FastAPI's q: str | None = None
      skip: t.Integer({ minimum: 0, default: 0 }),
      limit: t.Integer({ minimum: 1, maximum: 100, default: 100 }),
    }),
  },
  ({ query }) => ({ q: query.q ?? null, skip: query.skip, limit: query.limit }),
)

export const app = createApp()
  .get('/items', { deps: { commons: commonParameters } }, function readItems({ deps }) {
    return deps.commons
  })
  .get('/users', { deps: { commons: commonParameters } }, function readUsers({ deps }) {
    return deps.commons
  })
