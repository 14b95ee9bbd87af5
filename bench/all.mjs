// The whole bench in one command: instructions per request under callgrind (the primary figure), then the load test
// (req/s and p99, secondary), then one summary of both.
//
//   node bench/all.mjs [--servers a,b] [--endpoints x,y] [--runs N] [--warmup N] [--requests N] [--parallel N] [--keep DIR]
//                      [--rounds N] [--duration S] [--load autocannon,wrk]
//
// --runs, --runs-for, --warmup, --requests, --parallel and --keep go to instructions.mjs, --rounds, --duration and --load to run.mjs.
// Writes bench/results/instructions.{json,md,svg}, latest.{json,md} and summary.{json,md}.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { instructionRows } from './instruction-rows.mjs'
import { BENCH, markdownTable, textTable } from './lib.mjs'

const { values: options } = parseArgs({
  options: Object.fromEntries(
    [
      'servers',
      'endpoints',
      'runs',
      'runs-for',
      'warmup',
      'requests',
      'parallel',
      'keep',
      'rounds',
      'duration',
      'load',
    ].map((name) => [name, { type: 'string' }]),
  ),
})
const command = `node bench/all.mjs ${process.argv.slice(2).join(' ')}`.trim()
const started = Date.now()

// The options of `names` that were given, as command-line arguments.
const pass = (names) => names.flatMap((name) => (options[name] === undefined ? [] : [`--${name}`, options[name]]))

function step(script, args) {
  console.log(`\n$ node bench/${script} ${args.join(' ')}`)
  const result = spawnSync(process.execPath, [join(BENCH, script), ...args], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`bench: ${script} failed (exit ${result.status ?? result.signal})`)
    process.exit(1)
  }
}

// instructions.mjs measures its default peers (no Express); run.mjs loads every server.
step('instructions.mjs', pass(['servers', 'endpoints', 'runs', 'runs-for', 'warmup', 'requests', 'parallel', 'keep']))
step('run.mjs', pass(['servers', 'endpoints', 'rounds', 'duration', 'load']))

const read = (name) => JSON.parse(readFileSync(join(BENCH, 'results', name), 'utf8'))
const instructions = read('instructions.json')
const load = read('latest.json')
const generator = load.load[0]
const loadOf = (r) =>
  load.results.find((l) => l.load === generator && l.endpoint === r.endpoint && l.server === r.server)
const { header, rows } = instructionRows(instructions.results, [
  { title: `req/s (${generator})`, cell: (r) => loadOf(r)?.rps ?? 'n/a' },
  { title: 'p99 ms', cell: (r) => loadOf(r)?.p99 ?? 'n/a' },
])
const seconds = Math.round((Date.now() - started) / 1000)
const about = [
  `command: ${command} (${seconds} s)`,
  `instructions: ${instructions.command}; load average ${instructions.machine.loadavg.join(' ')} before`,
  `load: ${load.command}; load average ${load.machine.loadavg.join(' ')} before`,
  `machine: ${load.machine.cpu}, ${load.machine.cores} cores, Node ${load.machine.node}, ${load.machine.os}`,
]
console.log(`\n${textTable(header, rows)}\n\n${about.join('\n')}`)
writeFileSync(
  join(BENCH, 'results', 'summary.json'),
  `${JSON.stringify({ date: new Date().toISOString(), command, seconds, generator, header, rows }, null, 2)}\n`,
)
writeFileSync(
  join(BENCH, 'results', 'summary.md'),
  `# typefast bench summary\n\n${about.map((line) => `- ${line}`).join('\n')}\n\n![instructions per request](instructions.svg)\n\n` +
    `${markdownTable(header, rows)}\n\n` +
    '"instructions/req" is the median over the runs of callgrind\'s count per request; "× node:http" divides it by ' +
    'hand-written node:http\'s, "typefast / server" divides typefast\'s by it (below 1.00 typefast executes fewer). ' +
    `req/s and p99 come from the load test with ${generator}, secondary: on a shared machine they move by up to 2x.\n`,
)
console.log('\nwrote bench/results/summary.json and summary.md')
