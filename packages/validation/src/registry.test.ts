import { describe, expect, it } from 'vitest'
import { compileBodyValidator } from './body-validator.js'
import { compileInputValidator } from './input-validator.js'
import { compileAjv, compiledSchemas, prepare, schemaKey } from './registry.js'
import { t } from './schema.js'
import { compileSerializer } from './serializer.js'

describe('named schemas ($id)', () => {
  const Tag = t.Object({ label: t.String() }, { $id: 'RegTag' })
  const Item = t.Object({ name: t.String(), tags: t.Array(Tag, { default: [] }) }, { $id: 'RegItem' })

  it('one named schema is usable in many roots, as root and nested', () => {
    const roots = [
      Item,
      t.Array(Item),
      t.Object({ a: Item, b: t.Array(Item), c: t.Optional(t.Union([Item, t.Null()])) }),
      t.Object({ again: Item }),
    ]
    for (const root of roots) {
      expect(() => compileBodyValidator(root)).not.toThrow()
      expect(() => compileSerializer(root)).not.toThrow()
    }
    const v = compileBodyValidator(roots[2]!)
    const r = v({ a: { name: 'x' }, b: [{ name: 'y', tags: [{ label: 'l' }] }] })
    expect(r).toEqual({ ok: true, value: { a: { name: 'x', tags: [] }, b: [{ name: 'y', tags: [{ label: 'l' }] }] } })
    const bad = v({ a: { name: 'x', tags: [{}] }, b: [] })
    expect(bad.ok ? [] : bad.errors).toEqual([
      { type: 'missing', loc: ['body', 'a', 'tags', 0, 'label'], msg: 'Field required', input: {} },
    ])
  })

  it('a structurally equal copy under the same $id is accepted', () => {
    const copy = t.Object({ label: t.String() }, { $id: 'RegTag' })
    expect(() => compileBodyValidator(t.Object({ x: copy, y: Tag }))).not.toThrow()
  })

  it('two different schemas with the same $id (two apps in one process) each validate by their own definition', () => {
    const other = t.Object({ label: t.Integer() }, { $id: 'RegTag' })
    const validateOther = compileBodyValidator(t.Object({ x: other }))
    const validateFirst = compileBodyValidator(t.Object({ x: Tag }))
    expect(validateOther({ x: { label: 1 } }).ok).toBe(true)
    expect(validateOther({ x: { label: 'a' } }).ok).toBe(false)
    expect(validateFirst({ x: { label: 'a' } }).ok).toBe(true)
    expect(validateFirst({ x: { label: 1 } }).ok).toBe(false)
  })

  it('a named schema inside query schemas', () => {
    const Sort = t.Union([t.Literal('asc'), t.Literal('desc')], { $id: 'RegSort' })
    const v1 = compileInputValidator(t.Object({ sort: Sort }), 'query')
    const v2 = compileInputValidator(t.Object({ order: Sort }), 'query')
    expect(v1({ sort: 'asc' })).toEqual({ ok: true, value: { sort: 'asc' } })
    const r = v2({ order: 'up' })
    expect(r.ok ? [] : r.errors).toEqual([
      {
        type: 'literal_error',
        loc: ['query', 'order'],
        msg: "Input should be 'asc' or 'desc'",
        input: 'up',
        ctx: { expected: "'asc' or 'desc'" },
      },
    ])
  })
})

describe('one compile per canonical form', () => {
  const build = () =>
    t.Object({ name: t.String({ minLength: 1 }), tags: t.Array(t.String(), { default: [] }), ref: RegShared })
  const RegShared = t.Object({ id: t.Integer() }, { $id: 'RegShared' })

  it('schemas with the same structure, each its own objects, share one validator and one serializer', () => {
    const [a, b] = [build(), build()]
    expect(a).not.toBe(b)
    expect(compileAjv(a)).toBe(compileAjv(b))
    expect(compileSerializer(a)).toBe(compileSerializer(b))
    expect(compileAjv(a)).not.toBe(compileAjv(t.Object({ name: t.String({ minLength: 2 }) })))
  })

  it('the canonical form names the bodies of the named schemas it refers to', () => {
    const schema = build()
    compileAjv(schema)
    const key = schemaKey(prepare(schema))
    expect(key).toContain('"$ref":"RegShared"')
    expect(key).toContain('"id":{"type":"integer"}')
    expect(compiledSchemas().has(key)).toBe(true)
  })
})
