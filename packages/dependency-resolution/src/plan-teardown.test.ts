import { describe, expect, it } from 'vitest'
import { type AnyDependency, type DepsSpec, dependency } from './dependency.js'
import { type CompileOptions, compilePlan } from './plan.js'
import { collectingScope, deferred, fakeContext, STRATEGIES } from './test-helpers.js'

const label = 'GET /x'

describe.each(STRATEGIES)('the %s sync path', (strategy) => {
  const compileDependencyPlan = (
    ...[named, shared, options]: [DepsSpec | undefined, AnyDependency[], CompileOptions]
  ) => compilePlan(named, shared, options, strategy)

  describe('DependencyPlan.run with RequestScope: generator teardown', () => {
    it('tears generator dependencies down in reverse order of set-up, after the request', async () => {
      const log: string[] = []
      const db = dependency(async function* () {
        log.push('open db')
        try {
          yield 'db'
        } finally {
          log.push('close db')
        }
      })
      const tx = dependency({ deps: { db } }, function* ({ deps }) {
        log.push(`begin tx on ${deps.db}`)
        yield 'tx'
        log.push('commit tx')
      })
      const audit = dependency({ deps: { tx } }, async function* () {
        yield 'audit'
        log.push('flush audit')
      })
      const { scope, errors } = collectingScope()
      const values = await compileDependencyPlan({ audit, tx }, [], { label }).run(fakeContext(), scope)
      expect(values).toEqual({ audit: 'audit', tx: 'tx' })
      expect(log).toEqual(['open db', 'begin tx on db'])
      log.push('response sent')
      await scope.close()
      expect(log).toEqual(['open db', 'begin tx on db', 'response sent', 'flush audit', 'commit tx', 'close db'])
      expect(errors).toEqual([])
    })

    it('throws the request error into each generator, so catch in the dependency sees it', async () => {
      const seen: string[] = []
      const tx = dependency(function* () {
        try {
          yield 'tx'
          seen.push('commit')
        } catch (error) {
          seen.push(`rollback: ${(error as Error).message}`)
        }
      })
      const session = dependency(async function* () {
        try {
          yield 'session'
        } catch (error) {
          seen.push(`session saw: ${(error as Error).message}`)
          throw error // re-raising the request's error is not a teardown failure
        }
      })
      const { scope, errors } = collectingScope()
      await compileDependencyPlan({ tx, session }, [], { label }).run(fakeContext(), scope)
      await scope.close(new Error('handler failed'))
      expect(seen).toEqual(['session saw: handler failed', 'rollback: handler failed'])
      expect(errors).toEqual([])
    })

    it('keeps sync generators on the sync path: run and close allocate no promise', () => {
      const log: string[] = []
      const a = dependency(function* () {
        yield 'a'
        log.push('down a')
      })
      const b = dependency({ deps: { a } }, function* () {
        yield 'b'
        log.push('down b')
      })
      const { scope } = collectingScope()
      const values = compileDependencyPlan({ b }, [], { label }).run(fakeContext(), scope)
      expect(values).toEqual({ b: 'b' })
      expect(scope.close()).toBeUndefined()
      expect(log).toEqual(['down b', 'down a'])
    })

    it('registers set-up generators when a later sync step throws, so they can be torn down', () => {
      const log: string[] = []
      const failure = new Error('401')
      const db = dependency(function* () {
        try {
          yield 'db'
        } catch (error) {
          log.push(`db saw ${(error as Error).message}`)
        }
      })
      const user = dependency({ deps: { db } }, () => {
        throw failure
      })
      const { scope } = collectingScope()
      const plan = compileDependencyPlan({ user }, [], { label })
      let caught: unknown
      try {
        plan.run(fakeContext(), scope)
      } catch (error) {
        caught = error
      }
      expect(caught).toBe(failure)
      scope.close(caught)
      expect(log).toEqual(['db saw 401'])
    })

    it('registers set-up generators, including ones still setting up, when an async step fails', async () => {
      const log: string[] = []
      const failure = new Error('auth failed')
      const gate = deferred()
      const slowGen = dependency(async function* () {
        await gate.promise
        try {
          yield 'slow'
        } finally {
          log.push('down slow')
        }
      })
      const fastGen = dependency(async function* () {
        try {
          yield 'fast'
        } finally {
          log.push('down fast')
        }
      })
      const auth = dependency({ deps: { fastGen } }, async () => {
        throw failure
      })
      const { scope } = collectingScope()
      const run = compileDependencyPlan({ slowGen, auth }, [], { label }).run(fakeContext(), scope)
      setTimeout(() => gate.resolve(), 1)
      await expect(run).rejects.toBe(failure)
      await scope.close(failure)
      expect(log).toEqual(['down slow', 'down fast'])
    })

    it('reports a teardown error without rethrowing it, and runs the other teardowns', async () => {
      const log: string[] = []
      const boom = new Error('close failed')
      const first = dependency(async function* () {
        yield 1
        log.push('first down')
      })
      const second = dependency(
        function* () {
          yield 2
          throw boom
        },
        { name: 'second' },
      )
      const { scope, errors } = collectingScope()
      await compileDependencyPlan({ first, second }, [], { label }).run(fakeContext(), scope)
      await expect(scope.close()).resolves.toBeUndefined()
      expect(log).toEqual(['first down'])
      expect(errors).toEqual([{ error: boom, name: 'second' }])
    })

    it('tears down an uncached generator dependency once per use', () => {
      let downs = 0
      const fresh = dependency(
        function* () {
          yield 'x'
          downs++
        },
        { cache: false },
      )
      const { scope } = collectingScope()
      compileDependencyPlan({ a: fresh, b: fresh }, [], { label }).run(fakeContext(), scope)
      scope.close()
      expect(downs).toBe(2)
    })
  })
})
