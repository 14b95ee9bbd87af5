import { describe, expect, it } from 'vitest'
import { compileBodyValidator } from './body-validator.js'
import { laxCoerce } from './lax-coerce.js'
import { t } from './schema.js'

describe("pydantic's lax conversions of a JSON body", () => {
  it('convert scalars by the schema and copy only what they change', () => {
    const schema = t.Object({
      n: t.Integer(),
      x: t.Number(),
      b: t.Boolean(),
      s: t.String(),
      list: t.Array(t.Integer()),
    })
    const received = { n: ' 7', x: '1e3', b: 'on', s: 5, list: ['1', 2, true] }
    const converted = laxCoerce(schema, received)
    expect(converted).toEqual({ n: 7, x: 1000, b: true, s: 5, list: [1, 2, 1] })
    expect(received).toEqual({ n: ' 7', x: '1e3', b: 'on', s: 5, list: ['1', 2, true] })
    const untouched = { n: 1, x: 1, b: true, s: 'a', list: [1] }
    expect(laxCoerce(schema, untouched)).toBe(untouched)
  })

  it('leave literals, enums and strict schemas exact', () => {
    expect(laxCoerce(t.Literal(true), 'on')).toBe('on')
    expect(laxCoerce(t.Literal(1), '1')).toBe('1')
    expect(laxCoerce(t.Object({ n: t.Integer() }, { strict: true }), { n: '1' })).toEqual({ n: '1' })
  })

  it('in a union: an exact branch wins, else the first branch a conversion fits', () => {
    const u = t.Union([t.Integer(), t.String()])
    expect(laxCoerce(u, '5')).toBe('5')
    expect(laxCoerce(t.Union([t.Integer(), t.Null()]), '5')).toBe(5)
    expect(laxCoerce(t.Union([t.Boolean(), t.Integer()]), '1')).toBe(true)
    expect(laxCoerce(t.Union([t.Integer(), t.Boolean()]), 'yes')).toBe(true)
  })

  it('defaults are a fresh value for every body', () => {
    const validate = compileBodyValidator(
      t.Object({ tags: t.Array(t.String(), { default: [] }), meta: t.Object({}, { default: {} }) }),
    )
    const a = validate({}) as { ok: true; value: { tags: string[] } }
    const b = validate({}) as { ok: true; value: { tags: string[] } }
    expect(a.value).toEqual({ tags: [], meta: {} })
    expect(a.value.tags).not.toBe(b.value.tags)
  })
})
