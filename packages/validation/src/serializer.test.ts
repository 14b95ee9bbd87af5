import { describe, expect, it } from 'vitest'
import { t } from './schema.js'
import { compileSerializer } from './serializer.js'

const Item = t.Object(
  { name: t.String(), price: t.Number(), tags: t.Array(t.String(), { default: [] }), note: t.Optional(t.String()) },
  { $id: 'SerItem' },
)

describe('compileSerializer', () => {
  it('drops fields that are not in the schema', () => {
    const s = compileSerializer(Item)
    expect(s({ name: 'a', price: 1, tags: ['x'], password: 'secret' })).toBe('{"name":"a","price":1,"tags":["x"]}')
  })

  it('writes defaults and skips absent optional fields', () => {
    expect(compileSerializer(Item)({ name: 'a', price: 1 })).toBe('{"name":"a","price":1,"tags":[]}')
    expect(compileSerializer(Item)({ name: 'a', price: 1, note: 'n' })).toBe(
      '{"name":"a","price":1,"tags":[],"note":"n"}',
    )
  })

  it('arrays, nesting and named schemas used several times', () => {
    const Page = t.Object({ items: t.Array(Item), first: t.Union([Item, t.Null()]), total: t.Integer() })
    const s = compileSerializer(Page)
    const value = {
      items: [{ name: 'a', price: 1, hidden: true }],
      first: { name: 'a', price: 1, x: 1 },
      total: 1,
      y: 2,
    }
    expect(JSON.parse(s(value))).toEqual({
      items: [{ name: 'a', price: 1, tags: [] }],
      first: { name: 'a', price: 1, tags: [] },
      total: 1,
    })
    expect(JSON.parse(s({ items: [], first: null, total: 0 }))).toEqual({ items: [], first: null, total: 0 })
    expect(compileSerializer(t.Array(Item))([{ name: 'b', price: 2, z: 1 }])).toBe('[{"name":"b","price":2,"tags":[]}]')
  })

  it('escapes strings and writes Dates for date-time', () => {
    const s = compileSerializer(t.Object({ text: t.String(), at: t.String({ format: 'date-time' }) }))
    expect(JSON.parse(s({ text: 'a"b\n</script>', at: new Date(0) }))).toEqual({
      text: 'a"b\n</script>',
      at: '1970-01-01T00:00:00.000Z',
    })
  })

  it('is compiled once per schema object', () => {
    expect(compileSerializer(Item)).toBe(compileSerializer(Item))
  })
})
