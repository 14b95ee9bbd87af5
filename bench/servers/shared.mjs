// Plain helpers shared by the peers, so that they all do the same work (validateItem: the hand-validating ones).
// The contract they implement is in ../endpoints.mjs.
export { makeList } from '../endpoints.mjs'

export const INTEGER = /^-?\d+$/

// POST /items body: {name: 1..100 chars, price > 0, tags: string[] = []}. Returns the answer, or null if invalid.
export function validateItem(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null
  const { name, price, tags = [] } = body
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) return null
  if (typeof price !== 'number' || !(price > 0)) return null
  if (!Array.isArray(tags)) return null
  for (const tag of tags) if (typeof tag !== 'string') return null
  return { id: 1, name, price, tags }
}

// The three chained dependencies of GET /deps.
export const tokenOf = (xToken) => xToken ?? 'anon'
export const userOf = (token) => ({ id: token.length, name: token, admin: token === 'root' })
export const ctxOf = (user) => ({ userId: user.id, locale: 'en', scopes: user.admin ? ['all'] : ['read'] })
