import { describe, expect, it, vi } from 'vitest'
import { markBigIntegers, mayHoldBigIntegers, reviveBigIntegers, stringifyJson } from './big-integers.js'

const parse = (text: string) => JSON.parse(markBigIntegers(text), reviveBigIntegers)

describe('integers beyond 2^53 in JSON', () => {
  it('are read as bigints; safe integers, floats and strings stay as they are', () => {
    expect(parse('{"a":9007199254740993,"b":[-123456789012345678901234567890],"c":9007199254740991}')).toEqual({
      a: 9007199254740993n,
      b: [-123456789012345678901234567890n],
      c: 9007199254740991,
    })
    expect(
      parse('{"f":1234567890123456.5,"e":1234567890123456e2,"s":"12345678901234567890","q":"a\\"1234567890123456789"}'),
    ).toEqual({
      f: 1234567890123456.5,
      e: 1234567890123456e2,
      s: '12345678901234567890',
      q: 'a"1234567890123456789',
    })
    expect(mayHoldBigIntegers('{"a":123456789012345}')).toBe(false)
    expect(mayHoldBigIntegers('{"a":1234567890123456}')).toBe(true)
  })

  it('are written digit for digit; other values as JSON.stringify writes them', () => {
    expect(stringifyJson({ a: 9007199254740993n, b: ['x', -1n], c: 1.5 })).toBe(
      '{"a":9007199254740993,"b":["x",-1],"c":1.5}',
    )
    expect(stringifyJson({ a: 1 })).toBe('{"a":1}')
    expect(stringifyJson(undefined)).toBeUndefined()
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(() => stringifyJson(cycle)).toThrow(TypeError)
  })
})

describe('loading the module', () => {
  it('draws no random value until a big integer is met (Workers allow one only inside a handler)', async () => {
    vi.resetModules()
    const randomUUID = vi.spyOn(crypto, 'randomUUID')
    try {
      const fresh = await import('./big-integers.js')
      expect(randomUUID).not.toHaveBeenCalled()
      expect(JSON.parse(fresh.markBigIntegers('[12345678901234567890]'), fresh.reviveBigIntegers)).toEqual([
        12345678901234567890n,
      ])
      expect(randomUUID).toHaveBeenCalledTimes(1)
    } finally {
      randomUUID.mockRestore()
    }
  })
})
