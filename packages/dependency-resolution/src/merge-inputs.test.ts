import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.js'
import { InputMerger, mergeInputSchemas } from './merge-inputs.js'

const labels = { a: 'route GET /x', b: 'pagination' }

describe('mergeInputSchemas', () => {
  it('keeps a location declared on one side as it is (same object)', () => {
    const query = Type.Object({ q: Type.String() }, { $id: 'Q' })
    const headers = Type.Object({ authorization: Type.String() })
    const merged = mergeInputSchemas({ query }, { headers }, labels)
    expect(merged.query).toBe(query)
    expect(merged.headers).toBe(headers)
    expect(merged.params).toBeUndefined()
    expect(merged.body).toBeUndefined()
  })

  it('unites properties and required lists per location', () => {
    const merged = mergeInputSchemas(
      { query: Type.Object({ q: Type.Optional(Type.String()), id: Type.Integer() }) },
      { query: Type.Object({ skip: Type.Integer({ default: 0 }), limit: Type.Optional(Type.Integer()) }) },
      labels,
    )
    expect(Object.keys(merged.query!.properties)).toEqual(['q', 'id', 'skip', 'limit'])
    expect(merged.query!.required as string[]).toEqual(['id', 'skip'])
    expect(merged.query!.type).toBe('object')
  })

  it('takes required-ness from `required` for plain JSON schemas too', () => {
    const plain = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } as never
    const other = { type: 'object', properties: { b: { type: 'string' } } } as never
    const merged = mergeInputSchemas({ cookies: plain }, { cookies: other }, labels)
    expect(merged.cookies!.required as string[]).toEqual(['a'])
  })

  it('drops `required` when nothing is required', () => {
    const merged = mergeInputSchemas(
      { query: Type.Object({ a: Type.Optional(Type.String()) }) },
      { query: Type.Object({ b: Type.Optional(Type.String()) }) },
      labels,
    )
    expect(merged.query!.required).toBeUndefined()
  })

  it('keeps object options but not the $id of either side', () => {
    const merged = mergeInputSchemas(
      { query: Type.Object({ a: Type.String() }, { $id: 'A', additionalProperties: false }) },
      { query: Type.Object({ b: Type.String() }) },
      labels,
    )
    const query = merged.query as unknown as Record<string, unknown>
    expect(query.$id).toBeUndefined()
    expect(query.additionalProperties).toBe(false)
  })

  it('merges the same name declared with an identical schema (keyword order does not matter)', () => {
    const merged = mergeInputSchemas(
      { query: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100 }) }) },
      { query: Type.Object({ limit: Type.Integer({ maximum: 100, minimum: 1 }) }) },
      labels,
    )
    expect(merged.query!.properties.limit).toEqual({ type: 'integer', minimum: 1, maximum: 100 })
    expect(merged.query!.required as string[]).toEqual(['limit'])
  })

  it('throws naming both declarers when a name is declared with different schemas', () => {
    expect(() =>
      mergeInputSchemas(
        { query: Type.Object({ limit: Type.Integer() }) },
        { query: Type.Object({ limit: Type.String() }) },
        labels,
      ),
    ).toThrow("query parameter 'limit' is declared differently by route GET /x and pagination")
  })

  it('treats required and optional as different declarations', () => {
    expect(() =>
      mergeInputSchemas(
        { headers: Type.Object({ 'x-token': Type.String() }) },
        { headers: Type.Object({ 'x-token': Type.Optional(Type.String()) }) },
        labels,
      ),
    ).toThrow("header 'x-token' is declared differently by route GET /x and pagination")
  })

  it('names path parameters and cookies in conflicts', () => {
    expect(() =>
      mergeInputSchemas(
        { params: Type.Object({ id: Type.Integer() }) },
        { params: Type.Object({ id: Type.String() }) },
        labels,
      ),
    ).toThrow("path parameter 'id'")
    expect(() =>
      mergeInputSchemas(
        { cookies: Type.Object({ session: Type.Integer() }) },
        { cookies: Type.Object({ session: Type.String() }) },
        labels,
      ),
    ).toThrow("cookie 'session'")
  })

  it('accepts the same body schema on both sides and rejects two different ones', () => {
    const body = Type.Object({ name: Type.String() })
    expect(mergeInputSchemas({ body }, { body: Type.Object({ name: Type.String() }) }, labels).body).toBe(body)
    expect(() => mergeInputSchemas({ body }, { body: Type.Array(Type.String()) }, labels)).toThrow(
      'the body is declared differently by route GET /x and pagination',
    )
  })

  it('ignores a deps entry in a spec passed as input declarations', () => {
    const merged = mergeInputSchemas({ deps: {} } as never, {}, labels)
    expect(merged).toEqual({})
  })
})

describe('InputMerger', () => {
  it('names the declarer of the first declaration, not the merged result, and prefixes messages', () => {
    const merger = new InputMerger('GET /x: ')
    merger.add({ query: Type.Object({ limit: Type.Integer() }) }, 'pagination')
    merger.add({ query: Type.Object({ q: Type.String() }) }, 'search')
    expect(() => merger.add({ query: Type.Object({ limit: Type.Number() }) }, 'other')).toThrow(
      "GET /x: query parameter 'limit' is declared differently by pagination and other",
    )
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}')
  })
})
