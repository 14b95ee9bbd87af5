// Load test: typefast against node:http, Fastify, Hono and Express on the endpoints of endpoints.mjs.
//   node bench/run.mjs [--quick] [--load autocannon,wrk] [--servers a,b] [--endpoints x,y] [--rounds N] [--duration S]
//   node bench/run.mjs --runtime bun|deno ...: typefast (app.fetch) against Hono, both on Bun's or Deno's own server;
//   the results go to results/latest-<runtime>.json and .md.
// Every server runs as its own process on one core, the load generator on another: autocannon, and wrk too
// when it is installed. Each server is verified first, then per generator and endpoint: a warm-up of every
// server, then N rounds that each measure every server in turn.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { endpoints } from './endpoints.mjs'
import {
  BENCH,
  cpuSeconds,
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
  writeResults,
} from './lib.mjs'
import { servers as nodeServers, runtimeNames, runtimeServers } from './servers.mjs'
import { hasWrk, runWrk } from './wrk.mjs'

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    load: { type: 'string' },
    servers: { type: 'string' },
    endpoints: { type: 'string' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    runtime: { type: 'string' },
  },
})
if (opts.runtime !== undefined && !runtimeNames.includes(opts.runtime))
  fail(`unknown runtime "${opts.runtime}"; known: ${runtimeNames.join(', ')}`)
const servers = opts.runtime === undefined ? nodeServers : runtimeServers(opts.runtime)
const resultName = opts.runtime === undefined ? 'latest' : `latest-${opts.runtime}`
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
// Every installed generator by default; --quick takes one, wrk when there is one (it loads a server harder).
const installed = hasWrk ? ['wrk', 'autocannon'] : ['autocannon']
const loadNames = opts.load
  ? pick('load generator', opts.load, installed)
  : opts.quick
    ? installed.slice(0, 1)
    : installed
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

// autocannon runs in one long-lived worker pinned to its own core, one run per message.
let autocannonWorker
function autocannon(job) {
  if (autocannonWorker === undefined) {
    const [bin, ...args] = pinned(LOAD_CORE, ['node', join(BENCH, 'load.mjs')])
    autocannonWorker = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    autocannonWorker.on('exit', (code) => code && fail(`load generator exited with ${code}`))
  }
  return new Promise((resolve) => {
    autocannonWorker.once('message', resolve)
    autocannonWorker.send({
      url: job.url,
      method: job.request.method,
      headers: job.request.headers,
      body: job.request.body,
      duration: job.duration,
      connections: job.connections,
      pipelining: config.pipelining,
    })
  })
}

const generators = { autocannon, wrk: (job) => runWrk(pinned(LOAD_CORE, ['wrk']), job) }

function load(generator, port, request, duration) {
  const url = `http://127.0.0.1:${port}${request.path}`
  return generators[generator]({ url, request, duration, connections: config.connections })
}

// Measure: per generator and endpoint, warm every server up, then rounds that each visit every server (rotating
// who goes first). The server's CPU time over a run, divided by the requests it answered, is its cost per request:
// unlike req/s it does not depend on whether the load generator kept the server busy.
const rounds = {} // `${load} ${endpoint} ${server}` -> [{rps, p99, cpuUs, errors, timeouts, non2xx, rssMB}]
const started = Date.now()
for (const generator of loadNames) {
  for (const endpoint of endpointNames) {
    const request = endpoints[endpoint].load
    for (const server of running) await load(generator, server.port, request, config.warmup)
    for (let r = 0; r < config.rounds; r++) {
      const order = running.map((_, i) => running[(i + r) % running.length])
      for (const server of order) {
        const cpuBefore = cpuSeconds(server.child.pid)
        const result = await load(generator, server.port, request, config.duration)
        const cpuAfter = cpuSeconds(server.child.pid)
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          fail(`${server.name} died during the ${endpoint} run:\n${server.output()}`)
        }
        const cpuUs = cpuBefore === null ? null : ((cpuAfter - cpuBefore) * 1e6) / result.requests
        const rss = rssMB(server.child.pid)
        ;(rounds[`${generator} ${endpoint} ${server.name}`] ??= []).push({ ...result, cpuUs, rssMB: rss })
        const bad = result.errors + result.timeouts + result.non2xx
        console.log(
          `  ${generator.padEnd(10)} ${endpoint.padEnd(6)} round ${r + 1}/${config.rounds} ${server.name.padEnd(10)}` +
            `${Math.round(result.rps).toString().padStart(8)} req/s  p99 ${result.p99} ms` +
            `${cpuUs === null ? '' : `  ${cpuUs.toFixed(1)} µs CPU/req`}${bad ? `  ${bad} errors/non-2xx` : ''}`,
        )
      }
    }
  }
}
autocannonWorker?.disconnect()

// Summaries: medians over rounds, error counts summed. The ratio typefast / peer on req/s is the median of
// the per-round ratios: both figures of a round were measured minutes apart at most, under the same noise.
const results = []
for (const generator of loadNames) {
  for (const endpoint of endpointNames) {
    const runsOf = (server) => rounds[`${generator} ${endpoint} ${server.name}`]
    const subject = running.find((server) => server.name === 'typefast')
    for (const server of running) {
      const runs = runsOf(server)
      const sum = (key) => runs.reduce((total, run) => total + run[key], 0)
      const cpu = runs.every((run) => run.cpuUs !== null) ? median(runs.map((run) => run.cpuUs)) : null
      results.push({
        load: generator,
        endpoint,
        server: server.name,
        rps: Math.round(median(runs.map((run) => run.rps))),
        p99: median(runs.map((run) => run.p99)),
        cpuUsPerRequest: cpu === null ? null : Math.round(cpu * 10) / 10,
        rssMB: Math.round(median(runs.map((run) => run.rssMB)) * 10) / 10,
        errors: sum('errors'),
        timeouts: sum('timeouts'),
        non2xx: sum('non2xx'),
        ratio: subject ? Math.round(median(runsOf(subject).map((run, r) => run.rps / runs[r].rps)) * 100) / 100 : null,
        rounds: runs,
      })
    }
  }
}

const header = ['endpoint', 'server', 'req/s', 'p99 ms', 'CPU µs/req', 'RSS MB', 'errors', 'typefast / peer']
const tableOf = (generator) =>
  results
    .filter((r) => r.load === generator)
    .map((r) => [
      r.endpoint,
      r.server,
      r.rps,
      r.p99,
      r.cpuUsPerRequest === null ? 'n/a' : r.cpuUsPerRequest.toFixed(1),
      r.rssMB.toFixed(1),
      r.errors + r.timeouts + r.non2xx,
      r.server === 'typefast' ? '—' : r.ratio === null ? 'n/a' : r.ratio.toFixed(2),
    ])
facts.loadavgAfter = loadavg()
const seconds = Math.round((Date.now() - started) / 1000)
const about = [
  `machine: ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}, ${facts.os}`,
  ...(opts.runtime === undefined
    ? []
    : [`servers on ${opts.runtime} (${servers.typefast.cmd[0]}), load generator on Node`]),
  `load average (1/5/15 min): ${facts.loadavg.join(' ')} before, ${facts.loadavgAfter.join(' ')} after` +
    (facts.loadavg[0] > 1 ? ' (other work was running before the start: expect noise)' : ''),
  `pinning: ${facts.taskset ? `servers on core ${SERVER_CORE}, load generator on core ${LOAD_CORE} (taskset)` : 'none (no taskset)'}`,
  `load: ${loadNames.join(' and ')}, ${config.connections} connections, pipelining ${config.pipelining}, warm-up ${config.warmup} s, ` +
    `${config.rounds} round(s) of ${config.duration} s per server and endpoint; measured in ${seconds} s`,
  `command: ${command}`,
  ...(hasWrk ? [] : ['wrk: not installed, autocannon only (apt-get install wrk adds it)']),
  ...Object.entries(skipped).map(([name, reason]) => `skipped ${name}: ${reason}`),
]
const sections = loadNames.map((generator) => ({ generator, rows: tableOf(generator) }))
for (const { generator, rows } of sections) console.log(`\n${generator}\n${textTable(header, rows)}`)
console.log(`\n${about.join('\n')}`)

writeResults(
  resultName,
  { command, machine: facts, config, load: loadNames, skipped, results },
  `# typefast load test\n\n${about.map((line) => `- ${line}`).join('\n')}\n\n` +
    sections.map(({ generator, rows }) => `## ${generator}\n\n${markdownTable(header, rows)}\n\n`).join('') +
    '"typefast / peer" is the median over rounds of typefast\'s req/s divided by that server\'s in the same round: ' +
    'above 1.00 typefast is faster. "CPU µs/req" is the server process\'s CPU time (user + system) over a run divided ' +
    'by the requests it answered: its cost per request, which does not depend on whether the load generator kept it ' +
    'busy. "errors" sums socket errors, timeouts and non-2xx answers over the measured rounds; it should be 0.\n',
)
console.log(`\nwrote bench/results/${resultName}.json and bench/results/${resultName}.md`)

await Promise.all(running.map(stopServer))
