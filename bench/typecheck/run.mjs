#!/usr/bin/env node
// Type-check cost of an app and of its typed client as routes grow, with TypeScript 5.9 and 7:
// prints a Markdown table of instantiations per route (net of the packages' own cost).
// The client is typed by `interface Api extends EndpointsOf<typeof app> {}`; --typeof types it by
// `typeof app` directly.
// Usage: node bench/typecheck/run.mjs [100 500 2000] [--tsc 5.9|7] [--typeof] [--keep]
import { rmSync } from 'node:fs'
import { compilers, generatedDir, measure, measureEmpty } from './measure.mjs'

const args = process.argv.slice(2)
const keep = args.includes('--keep')
const typedBy = args.includes('--typeof') ? 'typeof' : 'interface'
const only = args.includes('--tsc') ? args[args.indexOf('--tsc') + 1] : undefined
const sizes = args.filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--tsc').map(Number)
const routeCounts = sizes.length > 0 ? sizes : [100, 500, 2000]

const rows = []
for (const compiler of only ? [only] : Object.keys(compilers)) {
  const empty = measureEmpty(compiler, typedBy)
  for (const routes of routeCounts) {
    const row = measure(compiler, routes, empty, typedBy)
    // Errors in the generated files mean the generator (or the types) are wrong.
    for (const line of row.errors) console.error(`TypeScript ${compiler}, ${routes} routes: ${line}`)
    rows.push(row)
  }
}
// The generated sources are large and unformatted: gone unless asked for (--keep), so lint skips them.
if (!keep) rmSync(generatedDir, { recursive: true, force: true })

const fmt = (n, digits = 2) => (Number.isNaN(n) ? '?' : n.toFixed(digits))
console.log(
  '| TypeScript | routes | app per route | client per route called | instantiations, app + client | check time, app + client (s) | memory (MB) | errors |',
)
console.log('|:--|--:|--:|--:|--:|--:|--:|--:|')
for (const row of rows) {
  console.log(
    `| ${row.compiler} | ${row.routes} | ${row.appPerRoute} | ${row.clientPerRoute} | ${row.full} | ${fmt(row.checkTime.full)} | ${row.memoryMB} | ${row.errors.length} |`,
  )
}
