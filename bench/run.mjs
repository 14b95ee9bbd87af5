// Load test: typefast against node:http, Fastify, Hono and Express on the endpoints of endpoints.mjs.
//   node bench/run.mjs [--quick] [--servers a,b] [--endpoints x,y] [--rounds N] [--duration S]
// Every server runs as its own process on one core, autocannon on another. Each server is verified first,
// then per endpoint: a warm-up of every server, then N rounds that each measure every server in turn.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { endpoints } from './endpoints.mjs'
import {
  BENCH,
  freePort,
  LOAD_CORE,
  loadavg,
  machine,
  markdownTable,
  median,
  missing,
  pinned,
  rssMB,
  SERVER_CORE,
  startServer,
  stopServer,
  textTable,
  waitForPort,
} from './lib.mjs'
import { servers } from './servers.mjs'

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    servers: { type: 'string' },
    endpoints: { type: 'string' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
  },
})
const config = {
  warmup: opts.quick ? 1 : 3,
  rounds: Number(opts.rounds ?? (opts.quick ? 1 : 3)),
  duration: Number(opts.duration ?? (opts.quick ? 3 : 10)),
  connections: 50,
  pipelining: 1,
}
for (const key of ['rounds', 'duration']) {
  if (!(config[key] > 0)) fail(`--${key} must be a positive number`)
}
const serverNames = pick('server', opts.servers, Object.keys(servers))
const endpointNames = pick('endpoint', opts.endpoints, Object.keys(endpoints))
const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim()

function pick(what, list, known) {
  if (!list) return known
  const names = list.split(',').map((s) => s.trim())
  for (const name of names) if (!known.includes(name)) fail(`unknown ${what} "${name}"; known: ${known.join(', ')}`)
  return names
}

function fail(message) {
  console.error(`\nbench: ${message}`)
  process.exit(1)
}

const facts = machine()

// Start the servers one after the other; typefast is skipped while its app does not exist.
const running = []
const skipped = {}
process.on('exit', () => {
  for (const s of running) s.child.kill('SIGKILL')
})
process.on('SIGINT', () => process.exit(130))

for (const name of serverNames) {
  const reason = missing(servers[name])
  if (reason) {
    skipped[name] = reason
    console.log(`skip ${name}: ${reason}`)
    continue
  }
  const server = { name, ...startServer(servers[name], await freePort()) }
  running.push(server)
  try {
    await waitForPort(server)
  } catch (error) {
    fail(`${name} did not start: ${error.message}`)
  }
  console.log(`started ${name} (pid ${server.child.pid}, port ${server.port})`)
}
if (running.length === 0) fail('no server to measure')

// Verify every server on every check of the selected endpoints before measuring anything.
const problems = []
for (const server of running) {
  for (const name of endpointNames) {
    for (const check of endpoints[name].checks) {
      const problem = await verify(server.port, check)
      if (problem) problems.push(`${server.name} ${check.method} ${check.path}: ${problem}`)
    }
  }
}
if (problems.length) fail(`wrong answers, nothing measured:\n  ${problems.join('\n  ')}`)
console.log(`verified ${running.length} servers on ${endpointNames.join(', ')}`)

async function verify(port, check) {
  const body =
    check.send === undefined ? undefined : typeof check.send === 'string' ? check.send : JSON.stringify(check.send)
  let res
  try {
    res = await fetch(`http://127.0.0.1:${port}${check.path}`, { method: check.method, headers: check.headers, body })
  } catch (error) {
    return `request failed: ${error.cause?.message ?? error.message}`
  }
  const text = await res.text()
  const statusOk = check.status === '4xx' ? res.status >= 400 && res.status < 500 : res.status === check.status
  if (!statusOk) return `status ${res.status}, expected ${check.status}; body ${text.slice(0, 200)}`
  if (check.json === undefined) return null
  if (!/^application\/json/.test(res.headers.get('content-type') ?? ''))
    return `content-type ${res.headers.get('content-type')}`
  let json
  try {
    json = JSON.parse(text)
  } catch {
    return `body is not JSON: ${text.slice(0, 200)}`
  }
  return isDeepStrictEqual(json, check.json)
    ? null
    : `body ${text.slice(0, 300)}, expected ${JSON.stringify(check.json).slice(0, 300)}`
}

// The load generator: one long-lived worker pinned to its own core, one autocannon run per message.
const [bin, ...args] = pinned(LOAD_CORE, ['node', join(BENCH, 'load.mjs')])
const loader = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
loader.on('exit', (code) => code && fail(`load generator exited with ${code}`))

function load(port, request, duration) {
  return new Promise((resolve) => {
    loader.once('message', resolve)
    loader.send({
      url: `http://127.0.0.1:${port}${request.path}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      duration,
      connections: config.connections,
      pipelining: config.pipelining,
    })
  })
}

// Measure: per endpoint, warm every server up, then rounds that each visit every server (rotating who goes first).
const rounds = {} // `${endpoint} ${server}` -> [{rps, p99, errors, timeouts, non2xx, rssMB}]
const started = Date.now()
for (const endpoint of endpointNames) {
  const request = endpoints[endpoint].load
  for (const server of running) await load(server.port, request, config.warmup)
  for (let r = 0; r < config.rounds; r++) {
    const order = running.map((_, i) => running[(i + r) % running.length])
    for (const server of order) {
      const result = await load(server.port, request, config.duration)
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        fail(`${server.name} died during the ${endpoint} run:\n${server.output()}`)
      }
      const rss = rssMB(server.child.pid)
      ;(rounds[`${endpoint} ${server.name}`] ??= []).push({ ...result, rssMB: rss })
      const bad = result.errors + result.timeouts + result.non2xx
      console.log(
        `  ${endpoint.padEnd(6)} round ${r + 1}/${config.rounds} ${server.name.padEnd(10)}` +
          `${Math.round(result.rps).toString().padStart(8)} req/s  p99 ${result.p99} ms${bad ? `  ${bad} errors/non-2xx` : ''}`,
      )
    }
  }
}
loader.disconnect()

// Summaries: medians over rounds, error counts summed, the ratio typefast / peer on req/s.
const results = []
for (const endpoint of endpointNames) {
  const rows = running.map((server) => {
    const runs = rounds[`${endpoint} ${server.name}`]
    const sum = (key) => runs.reduce((total, run) => total + run[key], 0)
    return {
      endpoint,
      server: server.name,
      rps: Math.round(median(runs.map((run) => run.rps))),
      p99: median(runs.map((run) => run.p99)),
      rssMB: Math.round(median(runs.map((run) => run.rssMB)) * 10) / 10,
      errors: sum('errors'),
      timeouts: sum('timeouts'),
      non2xx: sum('non2xx'),
      rounds: runs,
    }
  })
  const subject = rows.find((row) => row.server === 'typefast')
  for (const row of rows) row.ratio = subject ? Math.round((subject.rps / row.rps) * 100) / 100 : null
  results.push(...rows)
}

const header = ['endpoint', 'server', 'req/s', 'p99 ms', 'RSS MB', 'errors', 'typefast / peer']
const rows = results.map((r) => [
  r.endpoint,
  r.server,
  r.rps,
  r.p99,
  r.rssMB.toFixed(1),
  r.errors + r.timeouts + r.non2xx,
  r.server === 'typefast' ? '—' : r.ratio === null ? 'n/a' : r.ratio.toFixed(2),
])
facts.loadavgAfter = loadavg()
const seconds = Math.round((Date.now() - started) / 1000)
const about = [
  `machine: ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}, ${facts.os}`,
  `load average (1/5/15 min): ${facts.loadavg.join(' ')} before, ${facts.loadavgAfter.join(' ')} after` +
    (facts.loadavg[0] > 1 ? ' (other work was running before the start: expect noise)' : ''),
  `pinning: ${facts.taskset ? `servers on core ${SERVER_CORE}, load generator on core ${LOAD_CORE} (taskset)` : 'none (no taskset)'}`,
  `load: autocannon, ${config.connections} connections, pipelining ${config.pipelining}, warm-up ${config.warmup} s, ` +
    `${config.rounds} round(s) of ${config.duration} s per server and endpoint (median over rounds); measured in ${seconds} s`,
  `command: ${command}`,
  ...Object.entries(skipped).map(([name, reason]) => `skipped ${name}: ${reason}`),
]
console.log(`\n${textTable(header, rows)}\n\n${about.join('\n')}`)

const out = join(BENCH, 'results')
mkdirSync(out, { recursive: true })
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), command, machine: facts, config, skipped, results }, null, 2)}\n`,
)
writeFileSync(
  join(out, 'latest.md'),
  `# typefast load test\n\n${about.map((line) => `- ${line}`).join('\n')}\n\n${markdownTable(header, rows)}\n\n` +
    '"typefast / peer" is typefast req/s divided by that server\'s req/s: above 1.00 typefast is faster. ' +
    '"errors" sums socket errors, timeouts and non-2xx answers over the measured rounds; it should be 0.\n',
)
console.log(`\nwrote bench/results/latest.json and bench/results/latest.md`)

await Promise.all(running.map(stopServer))
