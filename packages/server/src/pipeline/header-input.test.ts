import { get } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// Headers as FastAPI 0.142.2 reads them (each expected body is its answer to the twin app:
// `x_trace_id: str = Header()`, `x_tags: list[str] = Header([])`, `x_one: str | None = Header(None)`).

const app = createApp().add(
  get(
    '/headers',
    {
      headers: t.Object({
        x_trace_id: t.String(),
        x_tags: t.Array(t.String(), { default: [] }),
        'x-one': t.Optional(t.String()),
      }),
    },
    ({ headers }) => ({ x_trace_id: headers.x_trace_id, x_tags: headers.x_tags, x_one: headers['x-one'] ?? null }),
  ),
)

const missingTraceId =
  '{"detail":[{"type":"missing","loc":["header","x-trace-id"],"msg":"Field required","input":null}]}'

describe('headers', () => {
  test('an underscore in a schema key reads a hyphen in the header name, and the 422 names the header', async () => {
    const missing = await app.inject({ url: '/headers' })
    expect(missing.status).toBe(422)
    expect(missing.body).toBe(missingTraceId)
    const ok = await app.inject({ url: '/headers', headers: { 'x-trace-id': 't' } })
    expect(ok.body).toBe('{"x_trace_id":"t","x_tags":[],"x_one":null}')
  })

  test('a header sent with an underscore is not taken for the underscore key', async () => {
    const response = await app.inject({ url: '/headers', headers: { x_trace_id: 't' } })
    expect(response.status).toBe(422)
    expect(response.body).toBe(missingTraceId)
  })

  test('a repeated header is a list for an array field (a value with a comma stays whole), the first value for a scalar', async () => {
    const response = await app.inject({
      url: '/headers',
      headers: { 'x-trace-id': ['t1', 't2'], 'x-tags': ['a', 'b, c'], 'x-one': ['1', '2'] },
    })
    expect(response.body).toBe('{"x_trace_id":"t1","x_tags":["a","b, c"],"x_one":"1"}')
  })

  test('a single value holding ", " is one value', async () => {
    const response = await app.inject({ url: '/headers', headers: { 'x-trace-id': 'a, b', 'x-tags': 'c, d' } })
    expect(response.body).toBe('{"x_trace_id":"a, b","x_tags":["c, d"],"x_one":null}')
  })
})
