import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { type AnyDependency, dependency } from './dependency.js'
import { buildGraph } from './graph.js'
import { compileDependencyPlan } from './plan.js'
import { recordLoop } from './record-factory.js'
import { StepKind } from './step.js'
import { collectingScope, fakeContext } from './test-helpers.js'

const label = 'GET /x'

describe('buildGraph', () => {
  it('orders every dependency after its sub-dependencies, once per identity', () => {
    const a = dependency(() => {}, { name: 'a' })
    const b = dependency({ deps: { a } }, () => {}, { name: 'b' })
    const c = dependency({ deps: { a, b } }, () => {}, { name: 'c' })
    const graph = buildGraph({ c, a }, [b], label, undefined, recordLoop)
    expect(graph.steps.map((s) => s.name)).toEqual(['a', 'b', 'c'])
    expect(graph.steps[2]!.depKeys).toEqual(['a', 'b'])
    expect(graph.steps[2]!.depSlots).toEqual([0, 1])
    expect(graph.steps[0]!.dependents).toEqual([1, 2])
    expect(graph.namedKeys).toEqual(['c', 'a'])
    expect(graph.namedSlots).toEqual([2, 0])
  })

  it('gives an uncached dependency one step per use', () => {
    const fresh = dependency(() => {}, { name: 'fresh', cache: false })
    const b = dependency({ deps: { fresh } }, () => {}, { name: 'b' })
    const graph = buildGraph({ one: fresh, two: fresh, b }, [], label, undefined, recordLoop)
    expect(graph.steps.map((s) => s.name)).toEqual(['fresh', 'fresh', 'fresh', 'b'])
    expect(graph.namedSlots).toEqual([0, 1, 3])
  })

  it('tells the kind of each function from its type', () => {
    const graph = buildGraph(
      {
        plain: dependency(() => 1),
        promised: dependency(async () => 1),
        sync: dependency(function* () {
          yield 1
        }),
        async: dependency(async function* () {
          yield 1
        }),
      },
      [],
      label,
      undefined,
      recordLoop,
    )
    expect(graph.steps.map((s) => s.kind)).toEqual([
      StepKind.Call,
      StepKind.Call,
      StepKind.Generator,
      StepKind.AsyncGenerator,
    ])
  })
})

describe('compileDependencyPlan: compile-time checks', () => {
  it('throws on a cycle, naming the route and the cycle path', () => {
    const deps: Record<string, AnyDependency> = {}
    const a = dependency({ deps }, () => {}, { name: 'a' })
    const b = dependency({ deps: { a } }, () => {}, { name: 'b' })
    deps.b = b
    expect(() => compileDependencyPlan({ a }, [], { label })).toThrow('GET /x: dependency cycle: a -> b -> a')
    expect(() => compileDependencyPlan({ b }, [], { label })).toThrow('GET /x: dependency cycle: b -> a -> b')
  })

  it('throws on a dependency that depends on itself', () => {
    const deps: Record<string, AnyDependency> = {}
    const a = dependency({ deps }, () => {}, { name: 'a' })
    deps.self = a
    expect(() => compileDependencyPlan(undefined, [a], { label })).toThrow('GET /x: dependency cycle: a -> a')
  })

  it('throws on a cycle through uncached dependencies instead of recursing forever', () => {
    const deps: Record<string, AnyDependency> = {}
    const a = dependency({ deps }, () => {}, { name: 'a', cache: false })
    deps.a = a
    expect(() => compileDependencyPlan({ a }, [], { label })).toThrow('GET /x: dependency cycle: a -> a')
  })

  it('shows only the cycle, not the path that led to it', () => {
    const deps: Record<string, AnyDependency> = {}
    const b = dependency({ deps }, () => {}, { name: 'b' })
    const c = dependency({ deps: { b } }, () => {}, { name: 'c' })
    deps.c = c
    const root = dependency({ deps: { b } }, () => {}, { name: 'root' })
    expect(() => compileDependencyPlan({ root }, [], { label })).toThrow('GET /x: dependency cycle: b -> c -> b')
  })

  it('throws when a deps entry is not a dependency', () => {
    const raw = (() => 1) as never
    expect(() => compileDependencyPlan({ user: raw }, [], { label })).toThrow(
      'GET /x: deps.user is not a dependency (wrap the function in dependency(),',
    )
    const parent = dependency({ deps: { raw } }, () => {}, { name: 'parent' })
    expect(() => compileDependencyPlan({ parent }, [], { label })).toThrow(
      "GET /x: deps.raw of dependency 'parent' is not a dependency",
    )
  })

  it('throws when two dependencies declare the same input differently, naming both', () => {
    const pagination = dependency({ query: Type.Object({ limit: Type.Integer() }) }, () => {}, { name: 'pagination' })
    const other = dependency({ query: Type.Object({ limit: Type.String() }) }, () => {}, { name: 'other' })
    expect(() => compileDependencyPlan({ pagination, other }, [], { label })).toThrow(
      "GET /x: query parameter 'limit' is declared differently by pagination and other",
    )
  })

  it('merges inputs of every dependency in the graph, sub-dependencies included', () => {
    const limit = Type.Integer({ minimum: 1 })
    const auth = dependency({ headers: Type.Object({ authorization: Type.String() }) }, () => {}, { name: 'auth' })
    const user = dependency({ deps: { auth }, query: Type.Object({ limit }) }, () => {}, { name: 'user' })
    const pagination = dependency({ query: Type.Object({ limit: Type.Integer({ minimum: 1 }) }) }, () => 0, {
      name: 'pagination',
    })
    const plan = compileDependencyPlan({ user }, [pagination], { label })
    expect(Object.keys(plan.inputs.query!.properties)).toEqual(['limit'])
    expect(plan.inputs.headers!.properties).toHaveProperty('authorization')
    expect(plan.inputs.body).toBeUndefined()
    expect(plan.dependencies.map((d) => d.name)).toEqual(['pagination', 'auth', 'user'])
  })

  it('counts an uncached dependency used twice once for inputs', () => {
    const q = dependency({ query: Type.Object({ q: Type.String() }) }, () => {}, { name: 'q', cache: false })
    const plan = compileDependencyPlan({ one: q, two: q }, [], { label })
    expect(plan.dependencies).toEqual([q])
    expect(plan.inputs.query).toBe(q.spec.query)
  })

  it('is empty without dependencies, and resolves to an empty object', () => {
    const plan = compileDependencyPlan(undefined, [], { label })
    expect(plan.empty).toBe(true)
    expect(plan.inputs).toEqual({})
    expect(plan.run(fakeContext(), collectingScope().scope)).toEqual({})
    expect(compileDependencyPlan({}, [], { label }).empty).toBe(true)
    expect(compileDependencyPlan({ a: dependency(() => 1) }, [], { label }).empty).toBe(false)
  })
})

describe('compileDependencyPlan: overrides', () => {
  it('replaces a dependency everywhere in the graph, with the replacement’s own sub-deps and inputs', () => {
    const db = dependency(() => 'real db', { name: 'db' })
    const user = dependency({ deps: { db } }, ({ deps }) => `user from ${deps.db}`)
    const fakeDb = dependency({ query: Type.Object({ seed: Type.Integer() }) }, ({ query }) => `fake db ${query.seed}`)
    const plan = compileDependencyPlan({ db, user }, [], { label, overrides: new Map([[db, fakeDb]]) })
    expect(plan.inputs.query).toBe(fakeDb.spec.query)
    expect(plan.dependencies).toEqual([fakeDb, user])
    const values = plan.run(fakeContext({ query: { seed: 7 } }), collectingScope().scope)
    expect(values).toEqual({ db: 'fake db 7', user: 'user from fake db 7' })
  })

  it('lets a replacement bring sub-dependencies of its own', () => {
    const settings = dependency(() => 'prod')
    const testSettings = dependency(() => 'test')
    const replacement = dependency({ deps: { testSettings } }, ({ deps }) => `db(${deps.testSettings})`)
    const db = dependency({ deps: { settings } }, ({ deps }) => `db(${deps.settings})`)
    const plan = compileDependencyPlan({ db }, [], { label, overrides: new Map([[db, replacement]]) })
    expect(plan.run(fakeContext(), collectingScope().scope)).toEqual({ db: 'db(test)' })
  })

  it('reports a cycle created by an override', () => {
    const a = dependency(() => {}, { name: 'a' })
    const b = dependency({ deps: { a } }, () => {}, { name: 'b' })
    // b needs a, and a is replaced by something that needs b.
    const a2 = dependency({ deps: { b } }, () => {}, { name: 'a2' })
    expect(() => compileDependencyPlan({ b }, [], { label, overrides: new Map([[a, a2]]) })).toThrow(
      'GET /x: dependency cycle: b -> a2 -> b',
    )
  })

  it('names an anonymous dependency after the place it was declared', () => {
    const anonymous = dependency(() => 1)
    expect(anonymous.name).toMatch(/^anonymous dependency \(graph\.test\.ts:\d+\)$/)
  })
})
