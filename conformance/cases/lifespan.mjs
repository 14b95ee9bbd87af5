// Requests for docs/lifespan.md: the state set up before the first request, read by a dependency.
import { TRICKY } from '../generate-extra.mjs'

const predict = [
  ['an integer', '/predict/21'],
  ['zero', '/predict/0'],
  ['a negative number', '/predict/-4'],
  ['a float', '/predict/1.5'],
  ['an exponent', '/predict/1e3'],
  ['leading zeros', '/predict/007'],
  ['a leading plus', '/predict/+3'],
  ['spaces around', '/predict/%203%20'],
  ['not a number', '/predict/abc'],
  ['an empty segment', '/predict/'],
  ['infinity', '/predict/inf'],
  ['Infinity', '/predict/Infinity'],
  ['nan', '/predict/nan'],
  ['NaN', '/predict/NaN'],
  ['overflowing to infinity', '/predict/1e400'],
  ['beyond 2^53', '/predict/9007199254740993'],
  ['a hexadecimal number', '/predict/0x10'],
  ['an underscore between digits', '/predict/1_000'],
  ['a comma for the decimal point', '/predict/1,5'],
  ['a trailing slash', '/predict/2/'],
].map(([name, url]) => ({ sample: 'state', name, method: 'GET', url }))

// Generated: x set to each TRICKY value.
const generated = TRICKY.map((value) => ({
  sample: 'state',
  name: `generated: x = ${JSON.stringify(value).slice(0, 40)}`,
  method: 'GET',
  url: `/predict/${encodeURIComponent(value)}`,
}))

export default [
  ...predict,
  { sample: 'state', name: 'POST is not allowed', method: 'POST', url: '/predict/2' },
  ...generated,
]
