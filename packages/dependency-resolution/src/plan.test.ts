import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { type AnyDependency, type DepsSpec, dependency } from './dependency.js'
import { type CompileOptions, compilePlan } from './plan.js'
import { collectingScope, fakeContext, STRATEGIES } from './test-helpers.js'

const label = 'GET /x'

describe.each(STRATEGIES)('the %s sync path', (strategy) => {
  const compileDependencyPlan = (
    ...[named, shared, options]: [DepsSpec | undefined, AnyDependency[], CompileOptions]
  ) => compilePlan(named, shared, options, strategy)

  describe('DependencyPlan.run', () => {
    it('calls each dependency with one object: the validated inputs, request, response and its own deps', () => {
      const calls: unknown[] = []
      const inner = dependency(() => 'inner value', { name: 'inner' })
      const outer = dependency({ deps: { mine: inner }, query: Type.Object({ q: Type.String() }) }, (inputs) => {
        calls.push(inputs)
        return 'outer value'
      })
      const ctx = fakeContext({
        params: { id: 1 },
        query: { q: 'x', fromRoute: true },
        headers: { authorization: 'Bearer t' },
        cookies: { session: 's' },
        body: { name: 'n' },
      })
      const values = compileDependencyPlan({ outer }, [], { label }).run(ctx, collectingScope().scope)
      expect(values).toEqual({ outer: 'outer value' })
      expect(calls).toHaveLength(1)
      const inputs = calls[0] as Record<string, unknown>
      expect(Object.keys(inputs).sort()).toEqual(['body', 'cookies', 'deps', 'headers', 'params', 'query'].sort())
      for (const lazy of ['request', 'response', 'background']) expect(lazy in inputs).toBe(true)
      expect(inputs.params).toBe(ctx.params)
      expect(inputs.query).toBe(ctx.query) // the full validated inputs, not only what the dependency declared
      expect(inputs.headers).toBe(ctx.headers)
      expect(inputs.cookies).toBe(ctx.cookies)
      expect(inputs.body).toBe(ctx.body)
      expect(inputs.request).toBe(ctx.request)
      expect(inputs.response).toBe(ctx.response)
      expect(inputs.background).toBe(ctx.background)
      expect(inputs.deps).toEqual({ mine: 'inner value' })
    })

    it('reads request, response and background from the context only when the dependency asks', () => {
      const read: string[] = []
      const base = fakeContext({})
      const watched = (name: 'request' | 'response' | 'background') => ({
        get: () => {
          read.push(name)
          return base[name]
        },
      })
      const ctx = Object.create(base, {
        request: watched('request'),
        response: watched('response'),
        background: watched('background'),
      })
      const quiet = dependency(({ deps }) => deps)
      const curious = dependency(({ response }) => response)
      compileDependencyPlan({ quiet }, [], { label }).run(ctx, collectingScope().scope)
      expect(read).toEqual([])
      compileDependencyPlan({ curious }, [], { label }).run(ctx, collectingScope().scope)
      expect(read).toEqual(['response'])
    })

    it('gives a dependency without sub-dependencies an empty deps object', () => {
      let seen: unknown
      const leaf = dependency(({ deps }) => {
        seen = deps
      })
      compileDependencyPlan({ leaf }, [], { label }).run(fakeContext(), collectingScope().scope)
      expect(seen).toEqual({})
    })

    it('resolves a dependency once per request by identity, across named, shared and sub-dependencies', () => {
      let calls = 0
      const db = dependency(() => ({ connection: ++calls }), { name: 'db' })
      const repo = dependency({ deps: { db } }, ({ deps }) => deps.db)
      const service = dependency({ deps: { repo, db } }, ({ deps }) => [deps.repo, deps.db])
      const plan = compileDependencyPlan({ db, service, again: db }, [db, repo], { label })
      const values = plan.run(fakeContext(), collectingScope().scope) as Record<string, unknown>
      expect(calls).toBe(1)
      expect(values.db).toEqual({ connection: 1 })
      expect(values.again).toBe(values.db)
      expect(values.service).toEqual([values.db, values.db])
      // Each request resolves anew.
      const next = plan.run(fakeContext(), collectingScope().scope) as Record<string, unknown>
      expect(next.db).toEqual({ connection: 2 })
    })

    it('resolves a `cache: false` dependency anew for each use', () => {
      let calls = 0
      const counter = dependency(() => ++calls, { cache: false, name: 'counter' })
      const user = dependency({ deps: { counter } }, ({ deps }) => deps.counter)
      const plan = compileDependencyPlan({ a: counter, b: counter, user }, [counter], { label })
      expect(plan.run(fakeContext(), collectingScope().scope)).toEqual({ a: 2, b: 3, user: 4 })
      expect(calls).toBe(4)
    })

    it('runs every dependency after its sub-dependencies, shared ones first, and returns only the named values', () => {
      const order: string[] = []
      const make = (name: string, deps = {}) =>
        dependency({ deps }, () => {
          order.push(name)
          return name
        })
      const a = make('a')
      const b = make('b', { a })
      const c = make('c', { b, a })
      const audit = make('audit', { a })
      const values = compileDependencyPlan({ c }, [audit], { label }).run(fakeContext(), collectingScope().scope)
      expect(order).toEqual(['a', 'audit', 'b', 'c'])
      expect(values).toEqual({ c: 'c' })
    })

    it('resolves every kind: plain, async, promise-returning, sync generator, async generator', async () => {
      const plain = dependency(() => 1)
      const asyncFn = dependency(async () => 2)
      const promised = dependency(() => Promise.resolve(3))
      const syncGen = dependency(function* () {
        yield 4
      })
      const asyncGen = dependency(async function* () {
        yield 5
      })
      const sum = dependency(
        { deps: { plain, asyncFn, promised, syncGen, asyncGen } },
        ({ deps }) => deps.plain + deps.asyncFn + deps.promised + deps.syncGen + deps.asyncGen,
      )
      const run = compileDependencyPlan({ plain, asyncFn, promised, syncGen, asyncGen, sum }, [], { label }).run(
        fakeContext(),
        collectingScope().scope,
      )
      expect(run).toBeInstanceOf(Promise)
      expect(await run).toEqual({ plain: 1, asyncFn: 2, promised: 3, syncGen: 4, asyncGen: 5, sum: 15 })
    })

    it('awaits a thenable yielded by a sync generator', async () => {
      const gen = dependency(function* () {
        yield Promise.resolve('later')
      })
      await expect(
        compileDependencyPlan({ gen }, [], { label }).run(fakeContext(), collectingScope().scope),
      ).resolves.toEqual({ gen: 'later' })
    })

    it('accepts non-promise thenables', async () => {
      // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is the point of this test
      const thenable = dependency(() => ({ then: (resolve: (v: string) => void) => resolve('ok') }))
      const run = compileDependencyPlan({ thenable }, [], { label }).run(fakeContext(), collectingScope().scope)
      await expect(run).resolves.toEqual({ thenable: 'ok' })
    })
  })

  describe('DependencyPlan.run: the sync path', () => {
    it('returns the values directly, not a promise, when every dependency is sync', () => {
      const a = dependency(() => 'a')
      const b = dependency({ deps: { a } }, function* ({ deps }) {
        yield `${deps.a}b`
      })
      const result = compileDependencyPlan({ a, b }, [], { label }).run(fakeContext(), collectingScope().scope)
      expect(result).not.toBeInstanceOf(Promise)
      expect(typeof (result as { then?: unknown }).then).toBe('undefined')
      expect(result).toEqual({ a: 'a', b: 'ab' })
    })

    it('continues asynchronously when a plain function unexpectedly returns a thenable', async () => {
      const order: string[] = []
      const first = dependency(() => {
        order.push('first')
        return 1
      })
      const sneaky = dependency({ deps: { first } }, ({ deps }) => {
        order.push('sneaky')
        return Promise.resolve(deps.first + 1)
      })
      const after = dependency({ deps: { sneaky } }, ({ deps }) => {
        order.push('after')
        return deps.sneaky + 1
      })
      const independent = dependency(() => {
        order.push('independent')
        return 'i'
      })
      const result = compileDependencyPlan({ after, independent }, [], { label }).run(
        fakeContext(),
        collectingScope().scope,
      )
      expect(result).toBeInstanceOf(Promise)
      // What does not wait for the thenable has already run.
      expect(order).toEqual(['first', 'sneaky', 'independent'])
      expect(await result).toEqual({ after: 3, independent: 'i' })
      expect(order).toEqual(['first', 'sneaky', 'independent', 'after'])
    })

    it('passes deps under any key, quotes and __proto__ included', () => {
      const a = dependency(() => 'a')
      const b = dependency({ deps: { "it's": a, ['__proto__']: a } as never }, ({ deps }) => deps)
      const values = compileDependencyPlan({ 'x"y': a, b }, [], { label }).run(
        fakeContext(),
        collectingScope().scope,
      ) as Record<string, Record<string, unknown>>
      expect(values['x"y']).toBe('a')
      expect(Object.keys(values.b!)).toEqual(["it's", '__proto__'])
      expect(Object.getPrototypeOf(values.b)).toBe(Object.prototype)
    })

    it('can be called detached from the plan', () => {
      const a = dependency(() => 'a')
      const { run } = compileDependencyPlan({ a }, [], { label })
      expect(run(fakeContext(), collectingScope().scope)).toEqual({ a: 'a' })
    })

    it('throws synchronously what a sync dependency throws', () => {
      class HTTPException extends Error {
        constructor(readonly status: number) {
          super('Not authenticated')
        }
      }
      const user = dependency(() => {
        throw new HTTPException(401)
      })
      const plan = compileDependencyPlan({ user }, [], { label })
      expect(() => plan.run(fakeContext(), collectingScope().scope)).toThrow(HTTPException)
    })

    it('throws, naming the dependency, when a sync generator does not yield', () => {
      const broken = dependency(function* () {}, { name: 'broken' })
      const plan = compileDependencyPlan({ broken }, [], { label })
      expect(() => plan.run(fakeContext(), collectingScope().scope)).toThrow(
        "GET /x: dependency 'broken' returned without yielding a value",
      )
    })
  })

  describe('DependencyPlan.run: the async path', () => {
    it('rejects with what an async dependency throws', async () => {
      const failure = new Error('nope')
      const user = dependency(async () => {
        throw failure
      })
      const after = dependency({ deps: { user } }, () => 'never')
      const run = compileDependencyPlan({ after }, [], { label }).run(fakeContext(), collectingScope().scope)
      await expect(run).rejects.toBe(failure)
    })

    it('rejects with what a sync dependency throws once the run went async', async () => {
      const failure = new Error('sync after async')
      const slow = dependency(async () => 1)
      const thrower = dependency({ deps: { slow } }, () => {
        throw failure
      })
      const run = compileDependencyPlan({ thrower }, [], { label }).run(fakeContext(), collectingScope().scope)
      await expect(run).rejects.toBe(failure)
    })

    it('rejects, naming the dependency, when an async generator does not yield', async () => {
      const broken = dependency(async function* () {}, { name: 'brokenAsync' })
      const run = compileDependencyPlan({ broken }, [], { label }).run(fakeContext(), collectingScope().scope)
      await expect(run).rejects.toThrow("GET /x: dependency 'brokenAsync' returned without yielding a value")
    })
  })
})
