// Soak: mixed traffic against the benchmark app for a bounded time, then the error count and
// memory growth. Every request in bench/endpoints.mjs' checks (valid and invalid inputs), plus bad
// input (malformed JSON, oversized bodies and URLs, unknown routes), from several concurrent
// clients on keep-alive connections. Loopback only.
//
//   node bench/soak.mjs [seconds=20] [clients=16]
//
// Exits 1 when a request got an unexpected answer or a connection error, or when the heap after
// warm-up grew by more than 10 MiB (a leak), else 0.
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { endpoints } from './endpoints.mjs'

const require = createRequire(new URL('../packages/server/package.json', import.meta.url))
const { Agent, request } = require('undici')

const seconds = Number(process.argv[2] ?? 20)
const clients = Number(process.argv[3] ?? 16)

const requests = [
  ...Object.values(endpoints).flatMap((endpoint) => endpoint.checks),
  { method: 'POST', path: '/items', headers: { 'content-type': 'application/json' }, send: '{"name":', status: 422 },
  { method: 'POST', path: '/items', headers: { 'content-type': 'text/plain' }, send: '{}', status: 415 },
  {
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    send: `{"name":"${'x'.repeat(1_100_000)}"}`,
    status: 413,
  },
  {
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    send: `[${'['.repeat(300)}${']'.repeat(300)}]`,
    status: 422,
  },
  { method: 'GET', path: `/hello?${'q=1&'.repeat(3000)}`, status: 414 },
  { method: 'GET', path: '/nowhere', status: 404 },
  { method: 'DELETE', path: '/hello', status: 405 },
]

function statusMatches(expected, actual) {
  return expected === '4xx' ? actual >= 400 && actual < 500 : actual === expected
}

const server = fork(fileURLToPath(new URL('./soak-server.ts', import.meta.url)), {
  execArgv: ['--conditions=@typefast/source', '--import', 'tsx', '--expose-gc'],
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
})
const ask = (message) =>
  new Promise((resolve) => {
    server.once('message', resolve)
    server.send(message)
  })
const { port } = await new Promise((resolve) => server.once('message', resolve))
const base = `http://127.0.0.1:${port}`
const agent = new Agent({ connections: clients, keepAliveTimeout: 4_000, headersTimeout: 10_000, bodyTimeout: 10_000 })

let sent = 0
const errors = new Map()
function fail(key) {
  errors.set(key, (errors.get(key) ?? 0) + 1)
}

async function client(until) {
  for (let i = Math.floor(Math.random() * requests.length); Date.now() < until; i++) {
    const check = requests[i % requests.length]
    const body =
      check.send === undefined ? undefined : typeof check.send === 'string' ? check.send : JSON.stringify(check.send)
    const headers = {
      ...(check.headers ?? {}),
      ...(body !== undefined && { 'content-type': check.headers?.['content-type'] ?? 'application/json' }),
    }
    try {
      const response = await request(`${base}${check.path}`, { method: check.method, headers, body, dispatcher: agent })
      await response.body.dump()
      sent++
      if (!statusMatches(check.status, response.statusCode))
        fail(`${check.method} ${check.path.slice(0, 40)}: ${response.statusCode}, expected ${check.status}`)
    } catch (error) {
      sent++
      fail(`${check.method} ${check.path.slice(0, 40)}: ${error.code ?? error.message}`)
    }
  }
}

const warmUp = Math.min(5, Math.max(1, seconds / 5))
await Promise.all(Array.from({ length: clients }, () => client(Date.now() + warmUp * 1000)))
const start = await ask('memory')
sent = 0
errors.clear()
const samples = [start]
const sampler = setInterval(async () => samples.push(await ask('memory')), 1000)
const began = Date.now()
await Promise.all(Array.from({ length: clients }, () => client(began + seconds * 1000)))
clearInterval(sampler)
const end = await ask('memory')
await agent.close()
const exited = new Promise((resolve) => server.once('exit', resolve))
server.send('close')
await exited

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0)
const heapGrowth = end.heapUsed - start.heapUsed
console.log(`soak: ${sent} requests in ${seconds} s (${Math.round(sent / seconds)}/s) from ${clients} clients`)
console.log(`errors: ${errorCount}`)
for (const [key, count] of errors) console.log(`  ${count} x ${key}`)
console.log(
  `rss: ${mib(start.rss)} -> ${mib(end.rss)} (${end.rss >= start.rss ? '+' : ''}${mib(end.rss - start.rss)}), peak ${mib(Math.max(...samples.map((s) => s.rss)))}`,
)
console.log(
  `heap after gc: ${mib(start.heapUsed)} -> ${mib(end.heapUsed)} (${heapGrowth >= 0 ? '+' : ''}${mib(heapGrowth)})`,
)
const leaked = heapGrowth > 10 * 1024 * 1024
if (leaked) console.log('heap grew by more than 10 MiB: a leak?')
process.exit(errorCount > 0 || leaked ? 1 : 0)
