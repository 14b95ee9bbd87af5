import { get, post, router } from '@typefast/router'
import { bigInteger, t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// Coercion, numbers, 422 inputs, nullable optionals and key order, each expected answer the one
// FastAPI 0.142.2 (pydantic 2.13.5) gave for the same request to its twin below. FastAPI writes
// floats as 3.0 where JSON (and typefast) writes 3; bodies are compared parsed, except where
// key order or digits are the point.
//
//   class Item(BaseModel):
//       name: str; price: float; count: int = 0; active: bool = False
//       tags: List[str] = []; note: Optional[str] = None
//   @app.post("/items") def create(item: Item): return item

const Item = t.Object(
  {
    name: t.String(),
    price: t.Number(),
    count: t.Integer({ default: 0 }),
    active: t.Boolean({ default: false }),
    tags: t.Array(t.String(), { default: [] }),
    note: t.Optional(t.Union([t.String(), t.Null()])),
  },
  { $id: 'Item' },
) // one body parameter: a schema without $id is read as several (FastAPI's embed)
const Counts = t.Object({ price: t.Number(), count: t.Integer() })

const app = createApp({ openapiUrl: false, accessLog: false })
  .add(
    post('/items', { body: Item, response: Item }, ({ body }) => body),
    post('/strict-schema', { body: t.Object({ price: t.Number(), count: t.Integer() }, { strict: true }) }, () => null),
    post('/strict-route', { body: Counts, strict: true }, () => null),
    post('/big', { body: t.Object({ n: bigInteger(), f: t.Number({ default: 0 }) }) }, ({ body }) => body),
    post('/rounded', { body: t.Object({ n: t.Integer(), big: t.Array(bigInteger()) }) }, ({ body }) => ({
      next: body.n + 1,
      big: body.big,
    })),
    get('/p/{n}', { params: t.Object({ n: bigInteger() }), response: t.Object({ n: bigInteger() }) }, ({ params }) => ({
      n: params.n,
    })),
    get('/pr/{n}', { params: t.Object({ n: t.Integer() }) }, ({ params }) => ({ n: params.n, next: params.n + 1 })),
    get('/pf/{x}', { params: t.Object({ x: t.Number() }) }, ({ params }) => ({ x: params.x })),
    get(
      '/q',
      {
        query: t.Object({
          n: t.Optional(t.Union([bigInteger(), t.Null()])),
          flag: t.Optional(t.Union([t.Boolean(), t.Null()])),
          s: t.Optional(t.Union([t.String(), t.Null()])),
        }),
      },
      ({ query }) => ({ n: query.n ?? null, flag: query.flag ?? null, s: query.s ?? null }),
    ),
    get(
      '/hn',
      {
        headers: t.Object({ 'x-n': t.Optional(t.Union([bigInteger(), t.Null()])) }),
        cookies: t.Object({ c: t.Optional(t.Union([bigInteger(), t.Null()])) }),
      },
      ({ headers, cookies }) => ({ x_n: headers['x-n'] ?? null, c: cookies.c ?? null }),
    ),
    get(
      '/order',
      {
        response: t.Object({
          z: t.String(),
          y: t.Optional(t.Union([t.Integer(), t.Null()])),
          inner: t.Object({ b: t.Integer(), a: t.String() }),
          x: t.Integer(),
        }),
      },
      () => ({ x: 1, inner: { a: 's', b: 2 }, z: 'z' }),
    ),
  )
  .include(
    router(
      { strict: true },
      post('/strict-router', { body: Counts }, () => null),
    ),
  )

const postJson = (url: string, body: string) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body })
const item = (fields: Record<string, unknown>) =>
  postJson('/items', JSON.stringify({ name: 'a', ...fields })).then((r) => [r.status, r.json()])

const error = (type: string, loc: (string | number)[], msg: string, input: unknown) => ({ type, loc, msg, input })
const intParsing = (loc: (string | number)[], input: unknown) =>
  error('int_parsing', loc, 'Input should be a valid integer, unable to parse string as an integer', input)
const floatParsing = (loc: (string | number)[], input: unknown) =>
  error('float_parsing', loc, 'Input should be a valid number, unable to parse string as a number', input)
const boolParsing = (loc: (string | number)[], input: unknown) =>
  error('bool_parsing', loc, 'Input should be a valid boolean, unable to interpret input', input)
const finite = (loc: (string | number)[], input: unknown) =>
  error('finite_number', loc, 'Input should be a finite number', input)
const echoed = (fields: Record<string, unknown>) => ({
  name: 'a',
  count: 0,
  active: false,
  tags: [],
  note: null,
  ...fields,
})

describe('JSON bodies coerce as pydantic lax mode', () => {
  test('numeric strings, integral floats, 0/1 and words for booleans, true for numbers', async () => {
    expect(await item({ price: '3', count: ' 7', active: 1 })).toEqual([
      200,
      echoed({ price: 3, count: 7, active: true }),
    ])
    expect(await item({ price: '3', count: '7.0', active: 'true' })).toEqual([
      200,
      echoed({ price: 3, count: 7, active: true }),
    ])
    expect(await item({ price: '3', count: 7.0, active: 'yes' })).toEqual([
      200,
      echoed({ price: 3, count: 7, active: true }),
    ])
    expect(await item({ price: '3', count: '1_000', active: 'T' })).toEqual([
      200,
      echoed({ price: 3, count: 1000, active: true }),
    ])
    expect(await item({ price: true, count: true, active: 1.0 })).toEqual([
      200,
      echoed({ price: 1, count: 1, active: true }),
    ])
    expect(await item({ price: ' 3 ', count: false, active: 'False' })).toEqual([
      200,
      echoed({ price: 3, count: 0, active: false }),
    ])
  })

  test('what lax mode still refuses, with pydantic types', async () => {
    expect(await item({ price: '3', count: 7.5, active: 'on' })).toEqual([
      422,
      {
        detail: [
          error(
            'int_from_float',
            ['body', 'count'],
            'Input should be a valid integer, got a number with a fractional part',
            7.5,
          ),
        ],
      },
    ])
    expect(await item({ price: '3', count: '7.5', active: 2 })).toEqual([
      422,
      { detail: [intParsing(['body', 'count'], '7.5'), boolParsing(['body', 'active'], 2)] },
    ])
    expect(await item({ name: 5, price: '1e3', count: 'abc', active: 'maybe' })).toEqual([
      422,
      {
        detail: [
          error('string_type', ['body', 'name'], 'Input should be a valid string', 5),
          intParsing(['body', 'count'], 'abc'),
          boolParsing(['body', 'active'], 'maybe'),
        ],
      },
    ])
    expect(await item({ price: ' 3 ', count: ' +7 ', active: ' true ' })).toEqual([
      422,
      { detail: [boolParsing(['body', 'active'], ' true ')] },
    ])
    expect(await item({ price: '0x10', count: '0x10', active: 0.5 })).toEqual([
      422,
      {
        detail: [
          floatParsing(['body', 'price'], '0x10'),
          intParsing(['body', 'count'], '0x10'),
          error('bool_type', ['body', 'active'], 'Input should be a valid boolean', 0.5),
        ],
      },
    ])
    expect(await item({ price: 3, count: '', active: '' })).toEqual([
      422,
      { detail: [intParsing(['body', 'count'], ''), boolParsing(['body', 'active'], '')] },
    ])
  })

  test('strict mode, per schema, route and router: no conversion, *_type errors', async () => {
    const strictAnswer = {
      detail: [
        error('float_type', ['body', 'price'], 'Input should be a valid number', '3'),
        error('int_type', ['body', 'count'], 'Input should be a valid integer', '7'),
      ],
    }
    for (const url of ['/strict-schema', '/strict-route', '/strict-router']) {
      const response = await postJson(url, '{"price":"3","count":"7"}')
      expect([response.status, response.json()]).toEqual([422, strictAnswer])
    }
    const bools = await postJson('/strict-route', '{"price":true,"count":true}')
    expect(bools.json()).toEqual({
      detail: [
        error('float_type', ['body', 'price'], 'Input should be a valid number', true),
        error('int_type', ['body', 'count'], 'Input should be a valid integer', true),
      ],
    })
    const fraction = await postJson('/strict-router', '{"price":3,"count":7.5}')
    expect(fraction.json()).toEqual({
      detail: [error('int_type', ['body', 'count'], 'Input should be a valid integer', 7.5)],
    })
  })
})

describe('numbers', () => {
  test('beyond 2^53, a t.Integer() field gets the nearest number; a 422 shows the input as sent', async () => {
    expect((await app.inject({ url: '/pr/9007199254740993' })).body).toBe(
      '{"n":9007199254740992,"next":9007199254740992}',
    )
    const body = await postJson('/rounded', '{"n":9007199254740993,"big":[9007199254740993,1]}')
    expect(body.body).toBe('{"next":9007199254740992,"big":[9007199254740993,1]}')
    const refused = await postJson('/items', '{"name":9007199254740993,"price":-12345678901234567890}')
    expect(refused.body).toBe(
      '{"detail":[{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":9007199254740993}]}',
    )
  })

  test('bigInteger() fields keep their value in path, query, header, cookie and body', async () => {
    expect((await app.inject({ url: '/p/9007199254740993' })).body).toBe('{"n":9007199254740993}')
    expect((await app.inject({ url: '/q?n=9007199254740993' })).body).toBe(
      '{"n":9007199254740993,"flag":null,"s":null}',
    )
    const header = await app.inject({
      url: '/hn',
      headers: { 'x-n': '9007199254740993', cookie: 'c=-12345678901234567890' },
    })
    expect(header.body).toBe('{"x_n":9007199254740993,"c":-12345678901234567890}')
    const body = await postJson('/big', '{"n":9007199254740993,"f":9007199254740993}')
    expect(body.body).toBe('{"n":9007199254740993,"f":9007199254740992}')
    const text = await postJson('/big', '{"n":"123456789012345678901234567890"}')
    expect(text.body).toBe('{"n":123456789012345678901234567890,"f":0}')
    // digits in a string stay a string
    expect(await item({ name: '12345678901234567890', price: 1 })).toEqual([
      200,
      echoed({ name: '12345678901234567890', price: 1 }),
    ])
  })

  test('underscores, signs and whitespace as pydantic reads them', async () => {
    expect((await app.inject({ url: '/p/1_000' })).json()).toEqual({ n: 1000 })
    expect((await app.inject({ url: '/p/5.0' })).json()).toEqual({ n: 5 })
    expect((await app.inject({ url: '/p/%201' })).json()).toEqual({ n: 1 })
    expect((await app.inject({ url: '/pf/1_0' })).json()).toEqual({ x: 10 })
    expect((await app.inject({ url: '/p/5.5' })).json()).toEqual({ detail: [intParsing(['path', 'n'], '5.5')] })
    expect((await postJson('/big', '{"n":"1_0.0","f":"1_000.5_5e1_0"}')).json()).toEqual({ n: 10, f: 10005500000000 })
    for (const bad of ['1__0', '_10', '10_', '10.', '10.00_0'])
      expect((await postJson('/big', JSON.stringify({ n: bad }))).json()).toEqual({
        detail: [intParsing(['body', 'n'], bad)],
      })
    expect((await postJson('/big', '{"n":1,"f":" 1_0.5 "}')).json()).toEqual({
      detail: [floatParsing(['body', 'f'], ' 1_0.5 ')],
    })
  })

  // pydantic's float takes these and FastAPI then fails writing them (500); typefast refuses them.
  test('non-finite values are refused as finite_number, never answered as null', async () => {
    expect((await app.inject({ url: '/pf/inf' })).json()).toEqual({ detail: [finite(['path', 'x'], 'inf')] })
    expect((await app.inject({ url: '/pf/1e400' })).json()).toEqual({ detail: [finite(['path', 'x'], '1e400')] })
    expect((await app.inject({ url: '/pf/-Infinity' })).json()).toEqual({
      detail: [finite(['path', 'x'], '-Infinity')],
    })
    expect((await app.inject({ url: '/pf/nan' })).json()).toEqual({ detail: [finite(['path', 'x'], 'nan')] })
    // an integer refuses them as pydantic does: int_parsing for text
    expect((await app.inject({ url: '/p/inf' })).json()).toEqual({ detail: [intParsing(['path', 'n'], 'inf')] })
    expect((await app.inject({ url: '/p/1e400' })).json()).toEqual({ detail: [intParsing(['path', 'n'], '1e400')] })
    const body = await postJson('/items', '{"name":"a","price":1e400,"count":-1e400}')
    expect([body.status, body.json()]).toEqual([
      422,
      { detail: [finite(['body', 'price'], null), finite(['body', 'count'], null)] },
    ])
    expect((await item({ price: '-inf' })).at(1)).toEqual({ detail: [finite(['body', 'price'], '-inf')] })
  })
})

describe('a 422 shows the input as received', () => {
  test('before defaults are filled in and before lax conversions', async () => {
    const response = await postJson('/items', '{"price":"x"}')
    expect(response.json()).toEqual({
      detail: [
        error('missing', ['body', 'name'], 'Field required', { price: 'x' }),
        floatParsing(['body', 'price'], 'x'),
      ],
    })
    const nested = await postJson('/items', '{"price":"3","count":"1"}')
    expect(nested.json()).toEqual({
      detail: [error('missing', ['body', 'name'], 'Field required', { price: '3', count: '1' })],
    })
  })
})

describe('nullable optionals (x: str | None = None)', () => {
  test('accept null, are written as null when absent, report their own errors', async () => {
    expect(await item({ price: 1, note: null })).toEqual([200, echoed({ price: 1 })])
    expect(await item({ price: 1, note: 5 })).toEqual([
      422,
      { detail: [error('string_type', ['body', 'note'], 'Input should be a valid string', 5)] },
    ])
    expect((await app.inject({ url: '/q?s=' })).json()).toEqual({ n: null, flag: null, s: '' })
    expect((await app.inject({ url: '/q?n=null&s=null' })).json()).toEqual({
      detail: [intParsing(['query', 'n'], 'null')],
    })
    expect((await app.inject({ url: '/hn', headers: { 'x-n': 'abc' } })).json()).toEqual({
      detail: [intParsing(['header', 'x-n'], 'abc')],
    })
    expect((await app.inject({ url: '/hn', headers: { cookie: 'c=1e400' } })).json()).toEqual({
      detail: [intParsing(['cookie', 'c'], '1e400')],
    })
  })
})

describe('query strings as Starlette reads them', () => {
  test('a repeated key gives a scalar its last value; boolean words in any case', async () => {
    expect((await app.inject({ url: '/q?n=1&n=2&s=a&s=b&flag=yes&flag=off' })).json()).toEqual({
      n: 2,
      flag: false,
      s: 'b',
    })
    for (const [text, value] of [
      ['on', true],
      ['Y', true],
      ['OFF', false],
      ['1', true],
    ] as const)
      expect((await app.inject({ url: `/q?flag=${text}` })).json()).toMatchObject({ flag: value })
    for (const text of ['%20true', '2', ''])
      expect((await app.inject({ url: `/q?flag=${text}` })).json()).toEqual({
        detail: [boolParsing(['query', 'flag'], decodeURIComponent(text))],
      })
  })
})

describe('response keys', () => {
  test('in the schema declaration order, nested too, absent optional nullable as null', async () => {
    expect((await app.inject({ url: '/order' })).body).toBe('{"z":"z","y":null,"inner":{"b":2,"a":"s"},"x":1}')
  })
})

describe('a 422 keeps a big integer input digit for digit', () => {
  test('a huge integer where a string is wanted', async () => {
    const response = await postJson('/items', '{"name":12345678901234567890,"price":1}')
    expect(response.body).toBe(
      '{"detail":[{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":12345678901234567890}]}',
    )
  })
})
