// Reading callgrind dumps by function, on a hand-written dump in callgrind's format.
import { expect, test } from 'vitest'
import { named, selfCosts } from './callgrind-profile.mjs'

const dump = `version: 1
events: Ir
summary: 1000
ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) main
0 100
cfn=(2) Builtins_JSONParse
calls=1 0
0 600
fn=(2)
0 250
+1 50
fn=(3) 0x0000000000001010
0 300
fn=(4) 0x0000000000009000'2
0 40
totals: 740
`

test('self costs: a call line is the callee inclusive cost, not the caller own', () => {
  const costs = selfCosts(dump)
  expect(costs.get('main')).toBe(100)
  expect(costs.get('Builtins_JSONParse')).toBe(300)
  expect(costs.get('0x0000000000001010')).toBe(300)
})

test('JIT addresses are named from the perf map, without tier markers or recursion suffixes', () => {
  const ranges = [
    [0x1000, 0x1100, 'JS:*dispatch /app/dist/dispatch.js:10:3'],
    [0x8000, 0x8100, 'JS:~other /app/x.js:1:1'],
  ] as [number, number, string][]
  const costs = named(selfCosts(dump), ranges)
  expect(costs.get('dispatch /app/dist/dispatch.js:10:3')).toBe(300)
  expect(costs.get('JIT code (unnamed)')).toBe(40)
  expect(costs.get('Builtins_JSONParse')).toBe(300)
})
