#!/usr/bin/env node
// Type-check cost of the typed client (issue 7): for apps of 50..400 routes, run
// `tsc --extendedDiagnostics` on the app alone and on the app plus a file calling every route,
// and print a Markdown table. Usage: node bench/typecheck/run.mjs [50 100 ...] [--keep]
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appSource, clientSource } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const keep = process.argv.includes('--keep')
const sizes = process.argv.slice(2).map(Number).filter(Boolean)
const routeCounts = sizes.length > 0 ? sizes : [50, 100, 200, 400]

function project(dir, files) {
  const packages = relative(dir, join(root, 'packages'))
  writeFileSync(
    join(dir, `tsconfig.${files.length}.json`),
    JSON.stringify({
      extends: relative(dir, join(root, 'tsconfig.base.json')),
      compilerOptions: {
        noEmit: true,
        // The generated files live outside the workspace packages: point at their sources.
        paths: { '@typefast/*': [`${packages}/*/src/index.ts`] },
        types: ['node'],
        typeRoots: [relative(dir, join(root, 'node_modules', '@types'))],
      },
      files,
    }),
  )
  return join(dir, `tsconfig.${files.length}.json`)
}

function diagnose(config, ownFiles) {
  let output
  try {
    output = execFileSync(process.execPath, [tsc, '-p', config, '--extendedDiagnostics'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`
  }
  const number = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1] ?? Number.NaN)
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line))
  return {
    checkTime: number('Check time'),
    totalTime: number('Total time'),
    instantiations: number('Instantiations'),
    types: number('Types'),
    memoryKB: number('Memory used'),
    tooDeep: errors.some((line) => line.includes('TS2589')),
    // Errors in the generated files mean the generator (or the client) is wrong.
    ownErrors: errors.filter((line) => ownFiles.some((file) => line.startsWith(file))),
  }
}

const rows = []
for (const routes of routeCounts) {
  const dir = join(here, '.generated', String(routes))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'app.ts'), appSource(routes))
  writeFileSync(join(dir, 'use-client.ts'), clientSource(routes))
  const base = diagnose(project(dir, ['app.ts']), ['app.ts'])
  const full = diagnose(project(dir, ['app.ts', 'use-client.ts']), ['app.ts', 'use-client.ts'])
  for (const line of [...base.ownErrors, ...full.ownErrors]) console.error(`${routes} routes: ${line}`)
  rows.push({ routes, base, full })
}
// The generated sources are large and unformatted: gone unless asked for (--keep), so lint skips them.
if (!keep) rmSync(join(here, '.generated'), { recursive: true, force: true })

const fmt = (n, digits = 2) => (Number.isNaN(n) ? '?' : n.toFixed(digits))
console.log(
  '| routes | check time, app only (s) | check time, app + client (s) | instantiations, app only | instantiations, app + client | client instantiations per route | memory, app + client (MB) | excessively deep |',
)
console.log('|---:|---:|---:|---:|---:|---:|---:|:---:|')
for (const { routes, base, full } of rows) {
  const perRoute = (full.instantiations - base.instantiations) / routes
  console.log(
    `| ${routes} | ${fmt(base.checkTime)} | ${fmt(full.checkTime)} | ${base.instantiations} | ${full.instantiations} | ${fmt(perRoute, 0)} | ${fmt(full.memoryKB / 1024, 0)} | ${base.tooDeep || full.tooDeep ? 'yes' : 'no'} |`,
  )
}
