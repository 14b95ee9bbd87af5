import { describe, expect, it } from 'vitest'
import { type RecordMaker, recordFactory, recordLoop } from './record-factory.js'

const makers: [string, RecordMaker][] = [
  ['recordFactory (generated)', recordFactory],
  ['recordLoop (no generated code)', recordLoop],
]

describe.each(makers)('%s', (_, records) => {
  it('makes a fresh object of the given slots by key, each call', () => {
    const make = records(['db', 'user'], [2, 0], 'GET /items deps')
    const first = make(['u', 'x', 'd'])
    expect(first).toEqual({ db: 'd', user: 'u' })
    expect(make(['u', 'x', 'd'])).not.toBe(first)
    expect(records([], [], 'GET / deps')([1])).toEqual({})
  })

  it('accepts any key, quotes and code included', () => {
    const keys = ['a"b', "it's", '} ; throw 1; {', '__proto__', '0']
    const make = records(
      keys,
      keys.map((_, i) => i),
      'GET /x deps',
    )
    const made = make([1, 2, 3, 4, 5])
    expect(Object.keys(made)).toEqual(['0', 'a"b', "it's", '} ; throw 1; {', '__proto__'])
    expect(made['} ; throw 1; {']).toBe(3)
    expect(Object.getOwnPropertyDescriptor(made, '__proto__')?.value).toBe(4)
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype)
  })
})

describe('recordFactory', () => {
  it('is named after what it makes, and its source names it by sourceURL', () => {
    const make = recordFactory(['db'], [0], 'GET /items/{id}', 'currentUser')
    expect(make.name).toBe('GET_items_id_deps_of_currentUser')
    expect(make.toString()).toContain('function GET_items_id_deps_of_currentUser(values)')
  })

  it("names an anonymous dependency's record without the place a bundler moves", () => {
    const inSource = recordFactory(['token'], [0], 'GET /deps', 'anonymous dependency (app.ts:16)')
    const inBundle = recordFactory(['token'], [0], 'GET /deps', 'anonymous dependency (worker.js:38172)')
    expect(inSource.name).toBe('GET_deps_deps_of_anonymous_dependency')
    expect(inBundle.toString()).toBe(inSource.toString())
  })
})
