// Instructions per request, counted by valgrind's callgrind: the figure that repeats on a shared, noisy machine
// (req/s of identical runs differ by up to 2x here; instruction counts by well under 1%).
//
//   node bench/instructions.mjs [--servers typefast,node-http] [--endpoints hello,item] [--warmup 3000] [--requests 2000] [--runs 1]
//
// Each server runs under `valgrind --tool=callgrind --smc-check=all-non-file` with collection on; the harness
// (not under valgrind) sends `--warmup` requests over one keep-alive connection, zeroes the counters
// (`callgrind_control -z`), sends `--requests` more, dumps (`callgrind_control -d`) and divides the dump's total by
// the number of counted requests. typefast runs its built JavaScript: `pnpm build` first.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Client } from 'undici'
import { endpoints } from './endpoints.mjs'
import { freePort, median, missing, startServer, stopServer, textTable, waitForPort } from './lib.mjs'
import { servers } from './servers.mjs'

const { values: options } = parseArgs({
  options: {
    servers: { type: 'string', default: 'typefast,node-http,fastify,hono' },
    endpoints: { type: 'string', default: Object.keys(endpoints).join(',') },
    warmup: { type: 'string', default: '3000' },
    requests: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '1' },
  },
})
const warmup = Number(options.warmup)
const counted = Number(options.requests)

if (spawnSync('callgrind_control', ['--version']).status !== 0) {
  console.error('valgrind (callgrind_control) is not installed: apt-get install valgrind')
  process.exit(1)
}

async function send(client, { method, path, headers, body }, times) {
  for (let i = 0; i < times; i++) {
    const res = await client.request({ method, path, headers, body })
    await res.body.dump()
  }
}

// Total instructions (Ir) of the callgrind dumps written since the counters were zeroed.
function dumpedInstructions(dir) {
  let total = 0
  for (const file of readdirSync(dir)) {
    if (!/\.\d+$/.test(file)) continue // the final dump at exit carries no `.N` suffix
    const summary = /^summary:\s+(\d+)/m.exec(readFileSync(join(dir, file), 'utf8'))
    if (summary) total += Number(summary[1])
  }
  return total
}

async function measure(name, endpoint) {
  const dir = mkdtempSync(join(tmpdir(), `callgrind-${name}-`))
  const entry = servers[name]
  const valgrind = {
    ...entry,
    cmd: [
      'valgrind',
      '--tool=callgrind',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
      ...entry.cmd.map((part) => (part === 'node' ? process.execPath : part)),
    ],
  }
  const server = startServer(valgrind, await freePort())
  try {
    await waitForPort(server, 180_000)
    const client = new Client(`http://127.0.0.1:${server.port}`, { pipelining: 1, headersTimeout: 60_000 })
    await send(client, endpoint.load, warmup)
    spawnSync('callgrind_control', ['-z', String(server.child.pid)])
    await send(client, endpoint.load, counted)
    spawnSync('callgrind_control', ['-d', String(server.child.pid)])
    await client.close()
    return dumpedInstructions(dir) / counted
  } finally {
    await stopServer(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

const names = options.servers.split(',')
const endpointNames = options.endpoints.split(',')
const rows = []
for (const endpointName of endpointNames) {
  const row = [endpointName]
  for (const name of names) {
    const why = missing(servers[name])
    if (why) {
      row.push(`skipped: ${why}`)
      continue
    }
    const runs = []
    for (let i = 0; i < Number(options.runs); i++) runs.push(await measure(name, endpoints[endpointName]))
    row.push(`${(median(runs) / 1000).toFixed(1)}k`)
    console.error(`${endpointName} ${name}: ${runs.map((r) => Math.round(r)).join(', ')} instructions/request`)
  }
  rows.push(row)
}
console.log(textTable(['endpoint', ...names], rows, 1))
