import { Type } from 'typebox'
import { describe, expectTypeOf, it } from 'vitest'
import { type Dependency, dependency } from './dependency.js'
import type { DependencyPlan } from './plan.js'

interface Conn {
  query(sql: string): string[]
}
declare function openConn(): Promise<Conn>

describe('dependency() infers the resolved value', () => {
  it('of a plain function', () => {
    const d = dependency(() => 42)
    expectTypeOf(d).toExtend<Dependency<number, {}>>()
    expectTypeOf<NonNullable<(typeof d)['~value']>>().toEqualTypeOf<number>()
  })

  it('of an async function and a function returning a promise', () => {
    const a = dependency(async () => 'x')
    const p = dependency(() => Promise.resolve({ ok: true as const }))
    expectTypeOf<NonNullable<(typeof a)['~value']>>().toEqualTypeOf<string>()
    expectTypeOf<NonNullable<(typeof p)['~value']>>().toEqualTypeOf<{ ok: true }>()
  })

  it('of a sync generator and an async generator: the yielded value', () => {
    const sync = dependency(function* () {
      yield 5
    })
    const db = dependency(async function* () {
      const conn = await openConn()
      try {
        yield conn
      } finally {
        conn.query('close')
      }
    })
    expectTypeOf<NonNullable<(typeof sync)['~value']>>().toEqualTypeOf<number>()
    expectTypeOf<NonNullable<(typeof db)['~value']>>().toEqualTypeOf<Conn>()
  })

  it('types deps through two levels of sub-dependencies, without annotations', () => {
    const db = dependency(async function* () {
      yield await openConn()
    })
    const repo = dependency({ deps: { db } }, ({ deps }) => {
      expectTypeOf(deps.db).toEqualTypeOf<Conn>()
      return { list: () => deps.db.query('select') }
    })
    const service = dependency({ deps: { repo } }, async ({ deps }) => {
      expectTypeOf(deps.repo.list).toEqualTypeOf<() => string[]>()
      return deps.repo.list().length
    })
    const top = dependency({ deps: { service, repo } }, function* ({ deps }) {
      expectTypeOf(deps.service).toEqualTypeOf<number>()
      yield deps.service > 0
    })
    expectTypeOf<NonNullable<(typeof top)['~value']>>().toEqualTypeOf<boolean>()
  })

  it('types declared inputs from their schemas', () => {
    const pagination = dependency(
      { query: Type.Object({ skip: Type.Integer(), limit: Type.Optional(Type.Integer()) }) },
      ({ query }) => {
        expectTypeOf(query.skip).toEqualTypeOf<number>()
        expectTypeOf(query.limit).toEqualTypeOf<number | undefined>()
        return { skip: query.skip, limit: query.limit ?? 10 }
      },
    )
    expectTypeOf<NonNullable<(typeof pagination)['~value']>>().toEqualTypeOf<{ skip: number; limit: number }>()
  })

  it('rejects reading an input that was not declared', () => {
    dependency({ query: Type.Object({ q: Type.String() }) }, ({ query, headers, deps }) => {
      // @ts-expect-error no `limit` in the declared query
      query.limit
      // @ts-expect-error no headers declared
      headers.authorization
      // @ts-expect-error no deps declared
      deps.db
      return query.q
    })
    dependency(({ body }) => {
      expectTypeOf(body).toEqualTypeOf<undefined>()
    })
  })

  it('gives a sync generator yielding a promise its awaited value', () => {
    const d = dependency(function* () {
      yield Promise.resolve(1)
    })
    expectTypeOf<NonNullable<(typeof d)['~value']>>().toEqualTypeOf<number>()
  })
})

describe('DependencyPlan', () => {
  it('runs to a record or a promise of one', () => {
    expectTypeOf<ReturnType<DependencyPlan['run']>>().toEqualTypeOf<
      Record<string, unknown> | Promise<Record<string, unknown>>
    >()
  })
})
