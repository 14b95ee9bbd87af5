import { describe, expect, it } from 'vitest'
import { RequestScope } from './scope.js'
import { collectingScope } from './test-helpers.js'

// Starts a generator up to its first yield and registers it, as the plan does.
function setUp<G extends Generator | AsyncGenerator>(scope: RequestScope, generator: G, name: string): G | Promise<G> {
  const first = generator.next()
  if (first instanceof Promise) {
    return first.then(() => {
      scope.register(generator, name, true)
      return generator
    })
  }
  scope.register(generator, name, false)
  return generator
}

describe('RequestScope', () => {
  it('returns undefined when there is nothing to tear down', () => {
    const { scope } = collectingScope()
    expect(scope.close()).toBeUndefined()
    expect(scope.close(new Error('x'))).toBeUndefined()
  })

  it('tears sync generators down synchronously, in reverse order of set-up', () => {
    const { scope, errors } = collectingScope()
    const log: string[] = []
    function* dep(name: string) {
      log.push(`up ${name}`)
      yield name
      log.push(`down ${name}`)
    }
    setUp(scope, dep('a'), 'a')
    setUp(scope, dep('b'), 'b')
    setUp(scope, dep('c'), 'c')
    expect(scope.close()).toBeUndefined()
    expect(log).toEqual(['up a', 'up b', 'up c', 'down c', 'down b', 'down a'])
    expect(errors).toEqual([])
  })

  it('tears async and sync generators down in reverse order, one at a time', async () => {
    const { scope } = collectingScope()
    const log: string[] = []
    function* syncDep(name: string) {
      yield name
      log.push(`down ${name}`)
    }
    async function* asyncDep(name: string) {
      yield name
      log.push(`start ${name}`)
      await new Promise((resolve) => setTimeout(resolve, 1))
      log.push(`down ${name}`)
    }
    setUp(scope, syncDep('s1'), 's1')
    await setUp(scope, asyncDep('a1'), 'a1')
    setUp(scope, syncDep('s2'), 's2')
    await setUp(scope, asyncDep('a2'), 'a2')
    setUp(scope, syncDep('s3'), 's3')
    const closing = scope.close()
    expect(closing).toBeInstanceOf(Promise)
    // s3 comes before the first async teardown, so it already ran synchronously.
    expect(log).toEqual(['down s3', 'start a2'])
    await closing
    expect(log).toEqual(['down s3', 'start a2', 'down a2', 'down s2', 'start a1', 'down a1', 'down s1'])
  })

  it('throws the request error into each generator so catch sees it', async () => {
    const { scope, errors } = collectingScope()
    const seen: unknown[] = []
    function* swallows() {
      try {
        yield 1
      } catch (error) {
        seen.push(['sync', error])
      }
    }
    async function* rethrows() {
      try {
        yield 2
      } catch (error) {
        seen.push(['async', error])
        throw error
      }
    }
    const failure = new Error('handler failed')
    setUp(scope, swallows(), 'swallows')
    await setUp(scope, rethrows(), 'rethrows')
    await scope.close(failure)
    expect(seen).toEqual([
      ['async', failure],
      ['sync', failure],
    ])
    // The request's own error coming back out is not a teardown failure.
    expect(errors).toEqual([])
  })

  it('reports teardown errors and still runs the other teardowns', async () => {
    const { scope, errors } = collectingScope()
    const log: string[] = []
    const syncBoom = new Error('sync teardown failed')
    const asyncBoom = new Error('async teardown failed')
    function* first() {
      yield 1
      log.push('first down')
    }
    async function* second() {
      yield 2
      throw asyncBoom
    }
    function* third() {
      yield 3
      throw syncBoom
    }
    setUp(scope, first(), 'first')
    await setUp(scope, second(), 'second')
    setUp(scope, third(), 'third')
    await expect(scope.close()).resolves.toBeUndefined()
    expect(log).toEqual(['first down'])
    expect(errors).toEqual([
      { error: syncBoom, name: 'third' },
      { error: asyncBoom, name: 'second' },
    ])
  })

  it('reports an error raised while handling the request error', () => {
    const { scope, errors } = collectingScope()
    const other = new Error('cleanup failed')
    function* dep() {
      try {
        yield 1
      } catch {
        throw other
      }
    }
    setUp(scope, dep(), 'dep')
    expect(scope.close(new Error('request failed'))).toBeUndefined()
    expect(errors).toEqual([{ error: other, name: 'dep' }])
  })

  it('reports a generator that yields twice and closes it', () => {
    const { scope, errors } = collectingScope()
    const log: string[] = []
    function* twice() {
      try {
        yield 1
        yield 2
        log.push('not reached')
      } finally {
        log.push('finally')
      }
    }
    setUp(scope, twice(), 'twice')
    scope.close()
    expect(log).toEqual(['finally'])
    expect(errors).toHaveLength(1)
    expect(String(errors[0]!.error)).toMatch(/'twice' yielded more than once/)
  })

  it('does not rethrow when the error reporter itself throws', () => {
    const log: string[] = []
    const scope = new RequestScope(() => {
      throw new Error('logger broke')
    })
    function* failing() {
      yield 1
      throw new Error('teardown failed')
    }
    function* fine() {
      yield 1
      log.push('fine down')
    }
    setUp(scope, fine(), 'fine')
    setUp(scope, failing(), 'failing')
    expect(() => scope.close()).not.toThrow()
    expect(log).toEqual(['fine down'])
  })

  it('closes once: a second close does nothing', () => {
    const { scope } = collectingScope()
    let downs = 0
    function* dep() {
      yield 1
      downs++
    }
    setUp(scope, dep(), 'dep')
    scope.close()
    scope.close()
    expect(downs).toBe(1)
  })

  it('tears down at once a generator registered after close, with the close error', () => {
    const { scope } = collectingScope()
    const seen: unknown[] = []
    function* late() {
      try {
        yield 1
      } catch (error) {
        seen.push(error)
      }
    }
    const failure = new Error('request failed')
    scope.close(failure)
    setUp(scope, late(), 'late')
    expect(seen).toEqual([failure])
  })
})
