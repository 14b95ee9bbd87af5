import { describe, expectTypeOf, test } from 'vitest'
import { bigInteger } from './big-integer-schema.js'
import { type Static, t } from './schema.js'

describe('integer types', () => {
  test('t.Integer() is a number; bigInteger(), opted into, is number | bigint', () => {
    const Order = t.Object({ quantity: t.Integer(), id: bigInteger({ minimum: 0 }), ids: t.Array(bigInteger()) })
    expectTypeOf<Static<typeof Order>>().toEqualTypeOf<{
      quantity: number
      id: number | bigint
      ids: (number | bigint)[]
    }>()
    const order = {} as Static<typeof Order>
    expectTypeOf(order.quantity + 1).toEqualTypeOf<number>()
    // @ts-expect-error a bigint cannot be added to a number: the handler must decide
    order.id + 1
  })
})
