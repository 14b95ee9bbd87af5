import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { isAsyncGeneratorFunction, isGeneratorFunction } from './function-kind.js'
import { isThenable } from './thenable.js'

describe('function kinds', () => {
  test('by the function’s type, not by what it returns', () => {
    const plainReturningIterator = () => [1][Symbol.iterator]()
    expect(isGeneratorFunction(function* () {})).toBe(true)
    expect(isAsyncGeneratorFunction(async function* () {})).toBe(true)
    expect(isGeneratorFunction(async function* () {})).toBe(false)
    expect(isAsyncGeneratorFunction(function* () {})).toBe(false)
    for (const fn of [plainReturningIterator, async () => 1, () => 1]) {
      expect(isGeneratorFunction(fn)).toBe(false)
      expect(isAsyncGeneratorFunction(fn)).toBe(false)
    }
  })

  test('bound and other-realm generator functions too', () => {
    expect(isAsyncGeneratorFunction(async function* () {}.bind(null))).toBe(true)
    expect(isGeneratorFunction(runInNewContext('(function* () {})'))).toBe(true)
    expect(isAsyncGeneratorFunction(runInNewContext('(async function* () {})'))).toBe(true)
  })
})

// Hand-made thenables are the point here; defineProperty keeps them visibly deliberate.
const withThen = <T extends object>(target: T, then: unknown): T =>
  Object.defineProperty(target, 'then', { value: then })

describe('isThenable', () => {
  test('promises and objects or functions with a then method', () => {
    const thenables = [
      Promise.resolve(1),
      withThen({}, () => {}),
      withThen(
        () => {},
        () => {},
      ),
    ]
    for (const value of thenables) expect(isThenable(value)).toBe(true)
    for (const value of [null, undefined, 1, 'then', withThen({}, 1), () => {}]) expect(isThenable(value)).toBe(false)
  })
})
