import { createApp, dependency, t } from 'typefast'

const queryExtractor = dependency(
  { query: t.Object({ q: t.Optional(t.Union([t.String(), t.Null()])) }) },
  ({ query }) => query.q,
)

// A dependency of a dependency: its own inputs (the cookie) and its sub-dependency's (the query)
// both become inputs of every route that uses it.
const queryOrCookieExtractor = dependency(
  { deps: { q: queryExtractor }, cookies: t.Object({ last_query: t.Optional(t.Union([t.String(), t.Null()])) }) },
  ({ deps, cookies }) => deps.q ?? cookies.last_query,
)

export const app = createApp().get(
  '/items',
  { deps: { queryOrDefault: queryOrCookieExtractor } },
  function readQuery({ deps }) {
    return { q_or_cookie: deps.queryOrDefault ?? null }
  },
)
