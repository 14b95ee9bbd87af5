// Start-up cost of a large app: time from process spawn to the first correct answer, and RSS at that moment.
//   node bench/startup.mjs [--runs N] [--servers a,b]
// The app (servers/startup-fastify.mjs; apps/bench/src/startup-app.ts for typefast) has 1,000 routes, i = 0..999:
//   POST /r{i}/{id}  params {id: integer}  query {q?: string, limit: integer = 10}
//                    body {name: string 1..100, price: number > 0, tags: string[] = []}
//                    200 {route: i, id, name, price, tags, q?, limit}
// each with its own schema objects. The probe is the last route, so every route has been set up when it answers.
// typefast-built is the same typefast app started from its `typefast build` output (written before the runs, not
// timed): it compiles nothing at start-up.

import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import {
  freePort,
  machine,
  markdownTable,
  median,
  missing,
  ROOT,
  rssMB,
  SERVER_CORE,
  sleep,
  startServer,
  stopServer,
  textTable,
  writeResults,
} from './lib.mjs'
import { startupServers } from './servers.mjs'

const builtApp = 'apps/bench/dist/startup-app.js'
const buildDir = 'apps/bench/dist/startup-build'
const servers = {
  ...startupServers,
  'typefast-built': { cmd: ['node', 'bench/servers/typefast-built.mjs', builtApp, buildDir], needs: builtApp },
}

const { values: opts } = parseArgs({ options: { runs: { type: 'string' }, servers: { type: 'string' } } })
const runs = Number(opts.runs ?? 5)
const names = opts.servers ? opts.servers.split(',') : Object.keys(servers)
const command = `node bench/startup.mjs ${process.argv.slice(2).join(' ')}`.trim()

const probe = {
  path: '/r999/7?q=x',
  body: JSON.stringify({ name: 'a', price: 1 }),
  expected: { route: 999, id: 7, name: 'a', price: 1, tags: [], q: 'x', limit: 10 },
}

// One POST of the probe: resolves to {status, json}, or null while nothing listens.
function ask(port) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: probe.path, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode, text }))
    })
    req.on('error', () => resolve(null))
    req.setHeader('content-type', 'application/json')
    req.end(probe.body)
  })
}

// Spawns the app once and polls it every 5 ms; returns {ms, rssMB} at its first correct answer.
async function measure(name) {
  const port = await freePort()
  const t0 = performance.now()
  const server = startServer(servers[name], port)
  let exit = null
  server.exited.then((code) => (exit = code))
  try {
    while (performance.now() - t0 < 60_000) {
      if (exit !== null) throw new Error(`${name} exited (${exit}) before answering:\n${server.output()}`)
      const answer = await ask(port)
      if (answer) {
        const ms = performance.now() - t0
        const rss = rssMB(server.child.pid)
        if (answer.status !== 200 || !isDeepStrictEqual(JSON.parse(answer.text), probe.expected)) {
          throw new Error(`${name} answered ${answer.status} ${answer.text.slice(0, 300)}`)
        }
        return { ms, rssMB: rss }
      }
      await sleep(5)
    }
    throw new Error(`${name} did not answer within 60 s:\n${server.output()}`)
  } finally {
    await stopServer(server)
  }
}

const present = []
const skipped = {}
for (const name of names) {
  if (!servers[name]) throw new Error(`unknown server "${name}"; known: ${Object.keys(servers).join(', ')}`)
  const reason = missing(servers[name])
  if (reason) {
    skipped[name] = reason
    console.log(`skip ${name}: ${reason}`)
  } else present.push(name)
}

if (present.includes('typefast-built')) {
  const built = spawnSync(
    process.execPath,
    ['packages/typefast/dist/cli/main.js', 'build', builtApp, '--out', buildDir],
    { cwd: ROOT, encoding: 'utf8' },
  )
  if (built.status !== 0) throw new Error(`typefast build failed:\n${built.stderr}`)
}

// Runs are interleaved like the load test: run 1 of every app, then run 2...
const samples = Object.fromEntries(present.map((name) => [name, []]))
for (let r = 0; r < runs; r++) {
  for (const name of present) {
    const sample = await measure(name)
    samples[name].push(sample)
    console.log(
      `  run ${r + 1}/${runs} ${name.padEnd(9)} ${sample.ms.toFixed(0).padStart(6)} ms  ${sample.rssMB.toFixed(1)} MB`,
    )
  }
}

const results = present.map((name) => ({
  server: name,
  ms: Math.round(median(samples[name].map((s) => s.ms))),
  rssMB: Math.round(median(samples[name].map((s) => s.rssMB)) * 10) / 10,
  runs: samples[name],
}))
const subject = results.find((r) => r.server === 'typefast')
const fastify = results.find((r) => r.server === 'fastify')
const header = ['server', 'start-up ms', 'RSS MB', 'typefast / peer (time)', 'time / Fastify']
const rows = results.map((r) => [
  r.server,
  r.ms,
  r.rssMB.toFixed(1),
  r.server === 'typefast' ? '—' : subject ? (subject.ms / r.ms).toFixed(2) : 'n/a',
  fastify ? (r.ms / fastify.ms).toFixed(2) : 'n/a',
])
const facts = machine()
const about = [
  `machine: ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}, ${facts.os}, load average ${facts.loadavg.join(' ')}`,
  `app: 1,000 routes with params, query, body and response schemas; median of ${runs} runs${facts.taskset ? `, app pinned to core ${SERVER_CORE}` : ''}`,
  `command: ${command}`,
  ...Object.entries(skipped).map(([name, reason]) => `skipped ${name}: ${reason}`),
]
console.log(`\n${textTable(header, rows, 1)}\n\n${about.join('\n')}`)

writeResults(
  'startup',
  { command, machine: facts, runs, skipped, results },
  `# typefast start-up\n\n${about.map((line) => `- ${line}`).join('\n')}\n\n${markdownTable(header, rows, 1)}\n\n` +
    'Start-up is the time from spawning the process to the first correct answer of the last route; RSS is read then. ' +
    '"typefast / peer (time)" is typefast\'s start-up time divided by the peer\'s: below 1.00 typefast starts faster; ' +
    '"time / Fastify" is each server\'s time divided by Fastify\'s.\n',
)
console.log('\nwrote bench/results/startup.json and bench/results/startup.md')
