#!/usr/bin/env node
// The type-performance gate (as Effect's typeperf): type-check the generated fixture apps and
// their clients and compare the instantiation counts with bench/typecheck/baseline.json. A rise
// over 10% fails; a fall is reported so the baseline can be lowered with --update.
// Usage: node bench/typecheck/gate.mjs [--update]
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generatedDir, measure } from './measure.mjs'

const baselineFile = join(import.meta.dirname, 'baseline.json')
const tolerance = 0.1
// What CI can afford within about three minutes: TypeScript 7 at 100, 500 and 2,000 routes, 5.9
// (about 3x slower; 2,000 routes take it some 4 minutes) at 100 and 500.
const cases = { 7: [100, 500, 2000], 5.9: [100, 500] }

const update = process.argv.includes('--update')
const baseline = update ? {} : JSON.parse(readFileSync(baselineFile, 'utf8'))
const measured = {}
const failures = []
for (const [compiler, sizes] of Object.entries(cases)) {
  for (const routes of sizes) {
    // Whole-program counts are what is compared: the per-route figures (net of the 0-route
    // fixture) are run.mjs's, and would double the gate's time.
    const row = measure(compiler, routes, { app: 0, full: 0 })
    if (row.errors.length > 0) failures.push(`TypeScript ${compiler}, ${routes} routes: ${row.errors[0]}`)
    const key = `${compiler}/${routes}`
    measured[key] = { app: row.app, full: row.full }
    for (const figure of ['app', 'full']) {
      const before = baseline[key]?.[figure]
      if (before === undefined) continue
      const change = (row[figure] - before) / before
      const line = `TypeScript ${compiler}, ${routes} routes, ${figure === 'app' ? 'app' : 'app + client'}: ${row[figure]} instantiations (baseline ${before}, ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%)`
      console.log(line)
      if (change > tolerance) failures.push(line)
    }
  }
}
rmSync(generatedDir, { recursive: true, force: true })

if (update) {
  writeFileSync(baselineFile, `${JSON.stringify(measured, null, 2)}\n`)
  console.log(`baseline written: ${baselineFile}`)
}
if (failures.length > 0) {
  console.error(`type-performance gate failed (over ${tolerance * 100}% above the baseline, or errors):`)
  for (const failure of failures) console.error(`  ${failure}`)
  process.exit(1)
}
