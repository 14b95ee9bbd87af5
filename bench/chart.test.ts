// The chart and the ratios of instructions per request, on made-up results (the bench itself never runs in CI).
import { expect, test } from 'vitest'
import { axisEnd, instructionsChart } from './chart.mjs'
import { endpoints } from './endpoints.mjs'
import { instructionRows, withRatios } from './instruction-rows.mjs'

const result = (endpoint: string, server: string, instructions: number) => ({
  endpoint,
  server,
  instructions,
  min: instructions - 1000,
  max: instructions + 1000,
})
const results = [
  result('hello', 'node-http', 200_000),
  result('hello', 'typefast', 204_000),
  result('hello', 'fastify', 240_000),
  result('hello', 'fastapi', 2_000_000),
  result('create', 'node-http', 250_000),
  result('create', 'typefast', 275_000),
]

test('ratios: against node:http on the same endpoint, and typefast over each server', () => {
  const rated = withRatios(results)
  const of = (endpoint: string, server: string) => rated.find((r) => r.endpoint === endpoint && r.server === server)
  expect(of('hello', 'typefast')?.vsNodeHttp).toBeCloseTo(1.02)
  expect(of('hello', 'fastify')?.typefastOver).toBeCloseTo(0.85)
  expect(of('create', 'typefast')?.vsNodeHttp).toBeCloseTo(1.1)
  expect(withRatios([result('list', 'typefast', 1)])[0]?.vsNodeHttp).toBeNull()
})

test('table rows: thousands, the run spread, both ratios and extra columns', () => {
  const { header, rows } = instructionRows(results, [{ title: 'req/s', cell: () => 123 }])
  expect(header).toEqual([
    'endpoint',
    'server',
    'instructions/req',
    'runs min–max',
    '× node:http',
    'typefast / server',
    'req/s',
  ])
  expect(rows[1]).toEqual(['hello', 'typefast', '204.0k', '203.0k–205.0k', '1.02', '—', 123])
  expect(rows[2]).toEqual(['hello', 'fastify', '240.0k', '239.0k–241.0k', '1.20', '0.85', 123])
})

test('the axis ends past the ratios near 1 and leaves the far ones out', () => {
  expect(axisEnd([1.02, 1.2, 10])).toBe(1.5)
  expect(axisEnd([1.02, 1.6, 10])).toBe(1.75)
})

test('chart: one bar per server other than node:http, a far bar cut at the axis with its value printed', () => {
  const svg = instructionsChart(results, endpoints)
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(svg.match(/<rect x=/g)).toHaveLength(4)
  expect(svg).toContain('GET /hello')
  expect(svg).toContain('POST /items')
  expect(svg).toContain('1.02× (204k)')
  expect(svg).toContain('10.00× (2000k)')
  // The cut mark, only on FastAPI's bar, which is drawn to the end of the axis (LEFT 90 + PLOT 520).
  expect(svg.match(/<path /g)).toHaveLength(1)
  expect(svg).toMatch(/<rect x="90" y="\d+" width="520.0" height="16" fill="#099268"\/>/)
})
