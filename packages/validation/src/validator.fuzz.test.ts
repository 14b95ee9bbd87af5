import fc from 'fast-check'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, test } from 'vitest'
import { compileBodyValidator } from './body-validator.js'
import { compileInputValidator } from './input-validator.js'
import { withNumbers } from './lax-coerce.js'
import { t } from './schema.js'

// Property-based tests of the validation compiler against TypeBox's own Value.Check: random
// schemas, random values (most shaped after the schema, near its bounds, some arbitrary JSON).
// The compiled validator must agree with Value.Check on every one: nothing invalid accepted,
// nothing valid rejected, and no crash. Runs are bounded; a failure prints the seed.

type Desc =
  | { k: 'string'; min?: number; max?: number }
  | { k: 'integer'; min?: number; max?: number }
  | { k: 'number'; exMin?: number; max?: number }
  | { k: 'boolean' }
  | { k: 'null' }
  | { k: 'literal'; v: string | number | boolean }
  | { k: 'array'; item: Desc; min?: number; max?: number }
  | { k: 'object'; props: { name: string; desc: Desc; optional: boolean }[]; closed: boolean }
  | { k: 'union'; options: Desc[] }

const small = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined })
const bound = fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined })
const names = fc.constantFrom('a', 'b', 'name', 'x_y', 'tags', 'é')

const { desc } = fc.letrec<{ desc: Desc; leaf: Desc }>((tie) => ({
  leaf: fc.oneof(
    fc.record({ k: fc.constant('string' as const), min: small, max: small }, { requiredKeys: ['k'] }),
    fc.record({ k: fc.constant('integer' as const), min: bound, max: bound }, { requiredKeys: ['k'] }),
    fc.record({ k: fc.constant('number' as const), exMin: bound, max: bound }, { requiredKeys: ['k'] }),
    fc.constant({ k: 'boolean' as const }),
    fc.constant({ k: 'null' as const }),
    fc.record({
      k: fc.constant('literal' as const),
      v: fc.oneof(fc.constantFrom('on', 'a', ''), fc.integer({ min: -2, max: 2 }), fc.boolean()),
    }),
  ),
  desc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: tie('leaf') },
    fc.record(
      { k: fc.constant('array' as const), item: tie('desc'), min: small, max: small },
      { requiredKeys: ['k', 'item'] },
    ),
    fc.record({
      k: fc.constant('object' as const),
      props: fc.uniqueArray(fc.record({ name: names, desc: tie('desc'), optional: fc.boolean() }), {
        maxLength: 4,
        selector: (p) => p.name,
      }),
      closed: fc.boolean(),
    }),
    fc.record({ k: fc.constant('union' as const), options: fc.array(tie('desc'), { minLength: 2, maxLength: 3 }) }),
  ),
}))

function schemaOf(d: Desc): TSchema {
  switch (d.k) {
    case 'string':
      return t.String({
        ...(d.min !== undefined && { minLength: d.min }),
        ...(d.max !== undefined && { maxLength: d.max }),
      })
    case 'integer':
      return t.Integer({
        ...(d.min !== undefined && { minimum: d.min }),
        ...(d.max !== undefined && { maximum: d.max }),
      })
    case 'number':
      return t.Number({
        ...(d.exMin !== undefined && { exclusiveMinimum: d.exMin }),
        ...(d.max !== undefined && { maximum: d.max }),
      })
    case 'boolean':
      return t.Boolean()
    case 'null':
      return t.Null()
    case 'literal':
      return t.Literal(d.v)
    case 'array':
      return t.Array(schemaOf(d.item), {
        ...(d.min !== undefined && { minItems: d.min }),
        ...(d.max !== undefined && { maxItems: d.max }),
      })
    case 'object': {
      const properties: Record<string, TSchema> = {}
      for (const p of d.props) properties[p.name] = p.optional ? t.Optional(schemaOf(p.desc)) : schemaOf(p.desc)
      return t.Object(properties, d.closed ? { additionalProperties: false } : {})
    }
    case 'union':
      return t.Union(d.options.map(schemaOf))
  }
}

const anyJson = fc.jsonValue({ maxDepth: 2 })

/** Values shaped after the schema, around its bounds, so that both answers are common. */
function valuesOf(d: Desc): fc.Arbitrary<unknown> {
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (d.k) {
      case 'string':
        return fc.string({ unit: 'grapheme', maxLength: (d.max ?? 4) + 2 })
      case 'integer':
        return fc.oneof(fc.integer({ min: -8, max: 8 }), fc.constantFrom(0.5, -1.5, 1e21, 2 ** 53))
      case 'number':
        return fc.oneof(fc.integer({ min: -8, max: 8 }), fc.double({ min: -10, max: 10, noNaN: true }))
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'literal':
        return fc.oneof(fc.constant(d.v), fc.constantFrom('on', 1, true, 'a', 0, false))
      case 'array':
        return fc.array(valuesOf(d.item), { maxLength: (d.max ?? 3) + 1 })
      case 'object': {
        const model: Record<string, fc.Arbitrary<unknown>> = {}
        for (const p of d.props) model[p.name] = valuesOf(p.desc)
        const required = d.props.filter((p) => !p.optional).map((p) => p.name)
        // then maybe one key dropped (a required one goes missing) and one extra key added
        return fc
          .tuple(fc.record(model, { requiredKeys: required }), fc.option(names), fc.option(names))
          .map(([value, drop, extra]) => {
            const out: Record<string, unknown> = { ...value }
            if (drop !== null) delete out[drop]
            if (extra !== null && !(extra in out)) out[extra] = 1
            return out
          })
      }
      case 'union':
        return fc.oneof(...d.options.map(valuesOf))
    }
  })()
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anyJson })
}

const schemaAndValues = desc.chain((d) =>
  fc.tuple(fc.constant(d), fc.array(valuesOf(d), { minLength: 1, maxLength: 8 })),
)

describe('the validation compiler against Value.Check (fast-check)', () => {
  test('strict body validator: accepts exactly what Value.Check accepts; invalid values come with errors', () => {
    fc.assert(
      fc.property(schemaAndValues, ([d, values]) => {
        const schema = schemaOf(d)
        const validate = compileBodyValidator(schema, { strict: true })
        for (const value of values) {
          const copy = structuredClone(value)
          const result = validate(copy)
          const expected = Value.Check(schema, value)
          expect(result.ok, JSON.stringify({ schema, value })).toBe(expected)
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0)
            for (const item of result.errors) {
              expect(item.loc[0]).toBe('body')
              expect(typeof item.msg).toBe('string')
            }
          }
        }
      }),
      { numRuns: 400 },
    )
  })

  test('input validator: a coerced value it accepts is one Value.Check accepts', () => {
    const scalar = fc.oneof(
      fc.record({ k: fc.constant('string' as const), min: small, max: small }, { requiredKeys: ['k'] }),
      fc.record({ k: fc.constant('integer' as const), min: bound, max: bound }, { requiredKeys: ['k'] }),
      fc.record({ k: fc.constant('number' as const), exMin: bound, max: bound }, { requiredKeys: ['k'] }),
      fc.constant({ k: 'boolean' as const }),
      fc.record({
        k: fc.constant('literal' as const),
        v: fc.oneof(fc.constantFrom('on', 'a'), fc.integer({ min: -2, max: 2 })),
      }),
    ) as fc.Arbitrary<Desc>
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.integer({ min: -8, max: 8 }).map(String),
      fc.double({ noNaN: true }).map(String),
      fc.constantFrom('true', 'off', 'yes', '1_000', ' 5 ', '5.0', '1e3', 'Infinity', 'NaN', '-0', '0x10', ''),
    )
    fc.assert(
      fc.property(scalar, fc.boolean(), fc.array(text, { minLength: 1, maxLength: 6 }), (d, asArray, texts) => {
        const field = asArray ? t.Array(schemaOf(d)) : schemaOf(d)
        const object = t.Object({ field })
        const validate = compileInputValidator(object, 'query')
        for (const raw of texts) {
          const result = validate({ field: asArray ? [raw, raw] : raw })
          // An integer beyond 2^53 arrives as a bigint, which Value.Check knows as its nearest number.
          if (result.ok)
            expect(Value.Check(object, withNumbers(result.value)), JSON.stringify({ field, raw })).toBe(true)
          else expect(result.errors.every((e) => e.loc[0] === 'query' && e.loc[1] === 'field')).toBe(true)
          // a value that is already its own text (a string field) is never rejected when valid
          if (
            !asArray &&
            Value.Check(field, raw) &&
            (d.k === 'string' || (d.k === 'literal' && typeof d.v === 'string'))
          ) {
            expect(result.ok, JSON.stringify({ field, raw })).toBe(true)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
