import { describe, expect, it } from 'vitest'
import { type AnyDependency, type DepsSpec, dependency } from './dependency.js'
import { type CompileOptions, compilePlan } from './plan.js'
import { collectingScope, deferred, fakeContext, STRATEGIES } from './test-helpers.js'

const label = 'GET /x'
// Lets every pending promise callback run.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe.each(STRATEGIES)('the %s sync path', (strategy) => {
  const compileDependencyPlan = (
    ...[named, shared, options]: [DepsSpec | undefined, AnyDependency[], CompileOptions]
  ) => compilePlan(named, shared, options, strategy)

  describe('DependencyPlan.run: concurrency', () => {
    it('starts independent async dependencies together and a dependent one when all its sub-deps are done', async () => {
      const log: string[] = []
      const gateA = deferred<string>()
      const gateB = deferred<string>()
      const a = dependency(async () => {
        log.push('start a')
        const value = await gateA.promise
        log.push('end a')
        return value
      })
      const b = dependency(async () => {
        log.push('start b')
        const value = await gateB.promise
        log.push('end b')
        return value
      })
      const c = dependency({ deps: { a, b } }, async ({ deps }) => {
        log.push('start c')
        return deps.a + deps.b
      })
      const run = compileDependencyPlan({ c }, [], { label }).run(fakeContext(), collectingScope().scope)
      await flush()
      expect(log).toEqual(['start a', 'start b'])
      gateB.resolve('B')
      await flush()
      expect(log).toEqual(['start a', 'start b', 'end b'])
      gateA.resolve('A')
      expect(await run).toEqual({ c: 'AB' })
      expect(log).toEqual(['start a', 'start b', 'end b', 'end a', 'start c'])
    })

    it('starts a dependency as soon as its own sub-deps are done, without waiting for unrelated ones', async () => {
      const log: string[] = []
      const gateSlow = deferred()
      const gateFast = deferred()
      const slow = dependency(async () => {
        await gateSlow.promise
        log.push('slow done')
        return 'slow'
      })
      const fast = dependency(async () => {
        await gateFast.promise
        log.push('fast done')
        return 'fast'
      })
      const afterFast = dependency({ deps: { fast } }, ({ deps }) => {
        log.push(`after ${deps.fast}`)
        return 'af'
      })
      const run = compileDependencyPlan({ slow, afterFast }, [], { label }).run(fakeContext(), collectingScope().scope)
      gateFast.resolve()
      await flush()
      expect(log).toEqual(['fast done', 'after fast'])
      gateSlow.resolve()
      expect(await run).toEqual({ slow: 'slow', afterFast: 'af' })
      expect(log).toEqual(['fast done', 'after fast', 'slow done'])
    })

    it('resolves a shared async dependency once even when dependents start concurrently', async () => {
      let calls = 0
      const gate = deferred()
      const db = dependency(async () => {
        calls++
        await gate.promise
        return 'db'
      })
      const users = dependency({ deps: { db } }, async ({ deps }) => `users(${deps.db})`)
      const items = dependency({ deps: { db } }, async ({ deps }) => `items(${deps.db})`)
      const run = compileDependencyPlan({ users, items }, [], { label }).run(fakeContext(), collectingScope().scope)
      gate.resolve()
      expect(await run).toEqual({ users: 'users(db)', items: 'items(db)' })
      expect(calls).toBe(1)
    })

    it('starts nothing new after an error, and rejects only once the steps in flight have settled', async () => {
      const log: string[] = []
      const failure = new Error('a failed')
      const gateA = deferred()
      const gateB = deferred()
      const a = dependency(async () => {
        await gateA.promise
        throw failure
      })
      const b = dependency(async () => {
        await gateB.promise
        log.push('b done')
        return 'b'
      })
      const afterB = dependency({ deps: { b } }, () => {
        log.push('afterB started')
      })
      const run = compileDependencyPlan({ a, afterB }, [], { label }).run(fakeContext(), collectingScope().scope)
      let settled = false
      ;(run as Promise<unknown>).catch(() => {}).finally(() => (settled = true))
      gateA.resolve()
      await flush()
      expect(settled).toBe(false) // b is still in flight
      gateB.resolve()
      await expect(run).rejects.toBe(failure)
      expect(log).toEqual(['b done'])
    })
  })
})
