import { describe, expect, it } from 'vitest'
import { recordFactory } from './record-factory.js'

describe('recordFactory', () => {
  it('makes a fresh object of the given slots by key, each call', () => {
    const make = recordFactory(['db', 'user'], [2, 0])
    const first = make(['u', 'x', 'd'])
    expect(first).toEqual({ db: 'd', user: 'u' })
    expect(make(['u', 'x', 'd'])).not.toBe(first)
    expect(recordFactory([], [])([1])).toEqual({})
  })

  it('accepts any key, quotes and code included', () => {
    const keys = ['a"b', "it's", '} ; throw 1; {', '__proto__', '0']
    const make = recordFactory(
      keys,
      keys.map((_, i) => i),
    )
    const made = make([1, 2, 3, 4, 5])
    expect(Object.keys(made)).toEqual(['0', 'a"b', "it's", '} ; throw 1; {', '__proto__'])
    expect(made['} ; throw 1; {']).toBe(3)
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype)
  })
})
