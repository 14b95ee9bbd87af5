import { afterEach, describe, expect, it } from 'vitest'
import {
  functionKey,
  generateFunction,
  generatingThrough,
  recordGeneratedFunctions,
  useFunctionSource,
} from './generated-function.js'

afterEach(() => useFunctionSource(undefined))

describe('generated functions', () => {
  it('are recorded by source while a build records, and made by new Function', () => {
    const recorded = recordGeneratedFunctions()
    const add = generateFunction(['a', 'b'], 'return a + b') as (a: number, b: number) => number
    expect(add(2, 3)).toBe(5)
    expect(recorded.get(functionKey(['a', 'b'], 'return a + b'))).toEqual({ params: ['a', 'b'], body: 'return a + b' })
  })

  it("a library's `new Function` inside generatingThrough goes the same way, and the global is put back", () => {
    const recorded = recordGeneratedFunctions()
    const made = generatingThrough(() => new Function('x', "'use strict'\nreturn x * 2")) as (x: number) => number
    expect(made(4)).toBe(8)
    expect(recorded.has(functionKey(['x'], "'use strict'\nreturn x * 2"))).toBe(true)
    expect(() =>
      generatingThrough(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(new Function('return 1')()).toBe(1)
    expect(globalThis.Function).toBe(Function.prototype.constructor)
  })

  it('come from an installed source instead, which refuses what it does not hold', () => {
    const prebuilt = (x: number) => x + 100
    useFunctionSource({
      take: (key) => {
        if (key === functionKey(['x'], 'return x')) return prebuilt
        throw new Error(`no function for ${key}`)
      },
    })
    expect(generateFunction(['x'], 'return x')).toBe(prebuilt)
    expect(generatingThrough(() => Function('x', 'return x'))).toBe(prebuilt)
    expect(() => generateFunction(['y'], 'return y')).toThrow('no function for (y) => {\nreturn y\n}')
  })
})
