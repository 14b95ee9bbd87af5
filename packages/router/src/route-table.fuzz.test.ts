import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { RouteTable } from './route-table.js'

// Property-based test of the route table against a reference matcher written for clarity, not
// speed: random route sets, random paths (most built from a route, some not), the same answer.
// Runs are bounded (numRuns) and seeded by fast-check; a failure prints its seed and the
// shrunk counterexample.

type Segment = { kind: 'static'; text: string } | { kind: 'param' } | { kind: 'rest' }
type Template = Segment[]

const staticText = fc.constantFrom('a', 'b', 'ab', 'items', 'x-1', 'v.2', 'é')
const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 3, arbitrary: staticText.map((text) => ({ kind: 'static' as const, text })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'param' as const }) },
)
const template: fc.Arbitrary<Template> = fc
  .tuple(fc.array(segment, { maxLength: 4 }), fc.boolean())
  .map(([segments, rest]): Template => (rest && segments.length > 0 ? [...segments, { kind: 'rest' }] : segments))

/** The shape find-my-way compares: parameter names do not matter. */
const shapeOf = (t: Template) => t.map((s) => (s.kind === 'static' ? `s:${s.text}` : s.kind)).join('/')

function pathOf(t: Template): string {
  let n = 0
  const parts = t.map((s) => (s.kind === 'static' ? s.text : s.kind === 'param' ? `{p${n++}}` : `{rest:path}`))
  return `/${parts.join('/')}`
}

/** A param value: any text, percent-encoded as a client would. */
// Without '/': an encoded one ('%2F') is a separator, as in Starlette (route-table.test.ts pins it).
const paramValue = fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }).filter((value) => !value.includes('/'))
const restValue = fc.array(fc.oneof(paramValue, staticText), { minLength: 0, maxLength: 3 })

interface Expected {
  id: number
  params: Record<string, string>
}

/**
 * The reference: a route matches when each static segment equals, each parameter takes one
 * non-empty segment, and `rest` takes whatever follows (slashes included). Among matches the
 * most specific wins, segment by segment: static, then parameter, then rest.
 */
function reference(routes: Template[], segments: string[]): Expected | undefined {
  let best: { id: number; rank: number[]; params: Record<string, string> } | undefined
  routes.forEach((t, id) => {
    const params: Record<string, string> = {}
    const rank: number[] = []
    let n = 0
    for (let i = 0; i < t.length; i++) {
      const s = t[i]!
      if (s.kind === 'rest') {
        if (segments.length <= i) return // '/a' is not under '/a/{rest:path}'; '/a/' is, with rest ''
        params.rest = segments.slice(i).join('/')
        rank.push(2)
        break
      }
      const value = segments[i]
      if (value === undefined) return
      if (s.kind === 'static') {
        if (value !== s.text) return
        rank.push(0)
      } else {
        if (value === '') return
        params[`p${n++}`] = value
        rank.push(1)
      }
      if (i === t.length - 1 && segments.length !== t.length) return
    }
    if (t.length === 0 && segments.length !== 0) return
    if (best === undefined || compareRank(rank, best.rank) < 0) best = { id, rank, params }
  })
  return best && { id: best.id, params: best.params }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

/** A route set without two routes of the same shape (those are a start-up error, tested elsewhere). */
const routeSet = fc.uniqueArray(template, { minLength: 1, maxLength: 8, selector: shapeOf })

/** A request path: one route's template filled with values, or random segments; maybe a trailing slash. */
function requestFor(routes: Template[]) {
  const filled = fc
    .tuple(fc.nat(routes.length - 1), fc.array(paramValue, { minLength: 5, maxLength: 5 }), restValue)
    .map(([which, values, rest]) => {
      const t = routes[which]!
      const segments: string[] = []
      t.forEach((s, i) => {
        if (s.kind === 'static') segments.push(s.text)
        else if (s.kind === 'param') segments.push(values[i]!)
        else segments.push(...rest)
      })
      return segments
    })
  const random = fc.array(fc.oneof(staticText, paramValue), { maxLength: 5 })
  return fc.tuple(fc.oneof(filled, random), fc.boolean())
}

describe('RouteTable against a reference matcher (fast-check)', () => {
  test('the same route and the same decoded parameters, or the same miss', () => {
    fc.assert(
      fc.property(
        routeSet.chain((routes) =>
          fc.tuple(fc.constant(routes), fc.array(requestFor(routes), { minLength: 1, maxLength: 10 })),
        ),
        ([routes, requests]) => {
          const table = new RouteTable<number>()
          for (const [id, t] of routes.entries()) table.add('GET', pathOf(t), id)
          for (const [segments, trailingSlash] of requests) {
            // `rest` keeps its slashes: a trailing one is part of its value, so only add it elsewhere
            const url = `/${segments.map(encodeURIComponent).join('/')}`
            const found = table.lookup('GET', url)
            const expected = reference(routes, segments)
            if (expected === undefined) {
              expect(found.kind, url).toBe('not-found')
            } else {
              expect(found.kind, url).toBe('found')
              if (found.kind !== 'found') return
              expect(found.route, url).toBe(expected.id)
              expect({ ...found.params }, url).toEqual(expected.params)
            }
            if (trailingSlash && segments.length > 0 && expected !== undefined && !('rest' in expected.params)) {
              const slashed = table.lookup('GET', `${url}/`)
              expect(slashed.kind, `${url}/`).toBe('found')
            }
            // the query string never changes the match
            const withQuery = table.lookup('GET', `${url}?q=${encodeURIComponent(segments.join('/'))}`)
            expect(withQuery.kind).toBe(found.kind)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  test('another method: 405 with Allow when the path matches, else 404; never a throw', () => {
    fc.assert(
      fc.property(routeSet, fc.array(fc.oneof(staticText, paramValue), { maxLength: 5 }), (routes, segments) => {
        const table = new RouteTable<number>()
        for (const [id, t] of routes.entries()) table.add('GET', pathOf(t), id)
        const url = `/${segments.map(encodeURIComponent).join('/')}`
        const found = table.lookup('DELETE', url)
        if (reference(routes, segments) === undefined) expect(found.kind).toBe('not-found')
        else expect(found).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD' })
      }),
      { numRuns: 200 },
    )
  })

  test('arbitrary bytes as a URL never throw', () => {
    const table = new RouteTable<number>()
    table.add('GET', '/items/{id}', 1)
    table.add('GET', '/files/{rest:path}', 2)
    table.add('GET', '/', 3)
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (tail) => {
        for (const url of [`/${tail}`, `/items/${tail}`, `/files/${tail}`]) {
          const found = table.lookup('GET', url)
          expect(['found', 'not-found', 'method-not-allowed']).toContain(found.kind)
        }
      }),
      { numRuns: 300 },
    )
  })
})
