// Instructions per request, counted by valgrind's callgrind: the bench's primary figure, because it repeats on a
// shared, noisy machine (req/s of identical runs differ by up to 2x here; instruction counts of identical runs by
// well under 1% for hello and create, a few % for item; the median of several runs all the same).
//
//   node bench/instructions.mjs [--servers a,b] [--endpoints x,y] [--warmup 5000] [--requests 1000] [--runs 3]
//                               [--runs-for fastify=5] [--parallel N] [--keep DIR]
//
// Per run, each server starts once under `valgrind --tool=callgrind --smc-check=all-non-file`. For each endpoint
// the harness (not under valgrind) sends `--warmup` requests over one keep-alive connection, zeroes the counters
// (`callgrind_control -z`), sends `--requests` more, dumps (`callgrind_control -d`) and divides the dump's total
// by the number of counted requests.
// Every node server (typefast and its peers alike) runs with V8_FLAGS below, which take the machine's timing out of
// V8: no background threads (the JIT compiler and GC work on the main thread, where it falls at the same request
// every run, instead of wherever a loaded machine's scheduler lets a helper thread get to), a fixed GC schedule with
// no memory reducer (its timer fires by wall time, which callgrind stretches 50x: a full GC landed in some counted
// windows and not others, 75k to 230k for one endpoint), and an old generation large enough that no full GC falls in
// a window. The counts are the request's own work, young-generation GC included, not full GCs whose timing depends
// on the heap's history.
// `--keep DIR` keeps the dumps of the last run (for callgrind_annotate and profile.mjs), whose node servers run
// with --perf-basic-prof so that their JIT code has names (DIR/<server>.perf.map). typefast runs its built JavaScript:
// `pnpm build` first. Writes bench/results/instructions.{json,md,svg}.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { callgrindServer, hasCallgrind } from './callgrind.mjs'
import { instructionsChart } from './chart.mjs'
import { endpoints } from './endpoints.mjs'
import { instructionRows } from './instruction-rows.mjs'
import { loadavg, machine, markdownTable, median, missing, textTable, writeResults } from './lib.mjs'
import { servers } from './servers.mjs'

const { values: options } = parseArgs({
  options: {
    servers: { type: 'string', default: 'node-http,typefast,fastify,hono,fastapi' },
    endpoints: { type: 'string', default: Object.keys(endpoints).join(',') },
    warmup: { type: 'string' },
    requests: { type: 'string' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string' },
    parallel: { type: 'string', default: '1' },
    'runs-for': { type: 'string' },
  },
})
// See the header: V8 without background threads, a fixed GC schedule, no full GC in a window. Applied to every node server.
const V8_FLAGS = ['--single-threaded', '--predictable-gc-schedule', '--initial-old-space-size=1024']
// Node needs several thousand requests before V8's optimizing compiler has settled on the hot path (POST /items
// was still being compiled after 3,000 in typefast).
const defaults = { warmup: 5000, requests: 1000 }
const runs = Number(options.runs)
const command = `node bench/instructions.mjs ${process.argv.slice(2).join(' ')}`.trim()

if (!hasCallgrind()) {
  console.error('valgrind (callgrind_control) is not installed: apt-get install valgrind')
  process.exit(1)
}

// The request counts of a server: its own (servers.mjs) unless given on the command line.
function countsOf(entry) {
  const own = { ...defaults, ...entry.callgrind }
  return {
    warmup: options.warmup === undefined ? own.warmup : Number(options.warmup),
    requests: options.requests === undefined ? own.requests : Number(options.requests),
  }
}

// Moves a file, across file systems too.
function renameOrCopy(from, to) {
  copyFileSync(from, to)
  rmSync(from)
}

// One run of one server: every endpoint in turn, warmed up then counted. Returns { endpoint: instructions/request }.
async function measure(name, endpointNames, keepDir) {
  const entry = servers[name]
  const { warmup, requests } = countsOf(entry)
  // A kept run names its JIT code: V8 writes /tmp/perf-PID.map as it compiles, nothing once the code has settled.
  // --perf-basic-prof also writes V8's event log, into the working directory unless told where.
  const flags = [
    ...V8_FLAGS,
    ...(keepDir
      ? ['--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${join(keepDir, `${name}.v8.log`)}`]
      : []),
  ]
  const session = await callgrindServer(name, entry, flags)
  const perRequest = {}
  try {
    for (const endpoint of endpointNames) {
      const { perRequest: count, text } = await session.measure(endpoints[endpoint].load, warmup, requests)
      perRequest[endpoint] = count
      if (keepDir) writeFileSync(join(keepDir, `${name}-${endpoint}.callgrind`), text)
    }
  } finally {
    await session.stop()
  }
  const perfMap = `/tmp/perf-${session.pid}.map`
  if (keepDir && existsSync(perfMap)) renameOrCopy(perfMap, join(keepDir, `${name}.perf.map`))
  return perRequest
}

const names = options.servers.split(',')
const endpointNames = options.endpoints.split(',')
for (const name of [...names, ...endpointNames]) {
  if (!(name in servers) && !(name in endpoints)) throw new Error(`unknown server or endpoint "${name}"`)
}
if (options.keep) mkdirSync(options.keep, { recursive: true })

const facts = machine()
const started = Date.now()
const measured = {} // server -> endpoint -> [instructions/request per run]
const skipped = {}
for (const name of names) {
  const why = missing(servers[name])
  if (why) {
    skipped[name] = why
    console.error(`skip ${name}: ${why}`)
  }
}
const available = names.filter((name) => !(name in skipped))
// Every (server, run) is one task; tasks run --parallel at a time, run 1 of every server first, so that a noisy
// stretch hits all alike. The counts depend little on the machine's load, the wall time a lot.
// --runs-for fastify=3,hono=3 gives some servers more runs (the ones whose count moves between runs).
const runsFor = Object.fromEntries(
  (options['runs-for'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=')),
)
const runsOf = (name) => Number(runsFor[name] ?? runs)
const tasks = []
for (let run = 0; run < Math.max(...available.map(runsOf)); run++) {
  for (const name of available) if (run < runsOf(name)) tasks.push({ name, run })
}
const parallel = Math.max(1, Number(options.parallel))
for (let first = 0; first < tasks.length; first += parallel) {
  await Promise.all(
    tasks.slice(first, first + parallel).map(async ({ name, run }) => {
      const t0 = Date.now()
      const keep = run === runsOf(name) - 1 ? options.keep : undefined
      const result = await measure(name, endpointNames, keep)
      for (const [endpoint, count] of Object.entries(result)) ((measured[name] ??= {})[endpoint] ??= []).push(count)
      const figures = Object.entries(result).map(([endpoint, count]) => `${endpoint} ${Math.round(count)}`)
      const seconds = Math.round((Date.now() - t0) / 1000)
      console.error(`run ${run + 1}/${runsOf(name)} ${name}: ${figures.join(', ')} (${seconds} s)`)
    }),
  )
}

const results = []
for (const endpoint of endpointNames) {
  for (const name of available) {
    const samples = measured[name][endpoint]
    results.push({
      endpoint,
      server: name,
      instructions: Math.round(median(samples)),
      min: Math.round(Math.min(...samples)),
      max: Math.round(Math.max(...samples)),
      runs: samples.map(Math.round),
      ...countsOf(servers[name]),
    })
  }
}

facts.loadavgAfter = loadavg()
const seconds = Math.round((Date.now() - started) / 1000)
const about = [
  `machine: ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}, ${facts.os}`,
  `load average (1/5/15 min): ${facts.loadavg.join(' ')} before, ${facts.loadavgAfter.join(' ')} after`,
  `valgrind --tool=callgrind --smc-check=all-non-file, node servers with ${V8_FLAGS.join(' ')}; ` +
    `per server and endpoint the median of its runs ` +
    `(${available.map((n) => `${n} ${runsOf(n)}`).join(', ')}), ` +
    `${parallel} server(s) at a time; ` +
    `warm-up and counted requests: ${available.map((n) => `${n} ${countsOf(servers[n]).warmup}/${countsOf(servers[n]).requests}`).join(', ')}; ` +
    `measured in ${seconds} s`,
  `command: ${command}`,
  ...Object.entries(skipped).map(([name, reason]) => `skipped ${name}: ${reason}`),
]
const { header, rows } = instructionRows(results)
console.log(`\n${textTable(header, rows)}\n\n${about.join('\n')}`)

const out = writeResults(
  'instructions',
  { command, machine: facts, runs, skipped, results },
  `# typefast: instructions per request\n\n${about.map((line) => `- ${line}`).join('\n')}\n\n${markdownTable(header, rows)}\n`,
)
writeFileSync(join(out, 'instructions.svg'), instructionsChart(results, endpoints))
console.log('\nwrote bench/results/instructions.json, instructions.md and instructions.svg')
