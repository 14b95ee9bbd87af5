// typefast's app.fetch against Hono's, called in-process on Bun or Deno: no socket and no load generator, so it
// separates two fetch handlers' own cost with less noise than run.mjs --runtime (a variant of the fetch path is
// judged here, then confirmed over HTTP there).
//
//   bun bench/fetch-inprocess.mjs [--endpoints create,hello] [--rounds 7] [--requests 20000]
//   deno run -A bench/fetch-inprocess.mjs ...
//
// The request of each endpoint is its `load` in endpoints.mjs, built as a new `Request` per call (what a server
// hands a fetch handler); the answer's body is read whole. Per endpoint: a warm-up, then rounds that each time both
// handlers in turn. Printed per handler: the median of the rounds, in CPU µs (the process's user + system time, the
// runtime's own threads included) and in wall µs per request; and typefast's over Hono's. `TYPEFAST_APP` names
// another build of the bench app (`apps/bench/src/app.ts` runs the sources: add `--conditions=@typefast/source`,
// and on Deno `--sloppy-imports`).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { endpoints } from './endpoints.mjs'
import { median } from './lib.mjs'

const { values: options } = parseArgs({
  options: {
    endpoints: { type: 'string', default: 'create,hello,item' },
    rounds: { type: 'string', default: '7' },
    requests: { type: 'string', default: '20000' },
  },
})
const rounds = Number(options.rounds)
const requests = Number(options.requests)
const here = new URL('.', import.meta.url)
const appPath = process.env.TYPEFAST_APP ?? new URL('../apps/bench/dist/app.js', here).pathname
const handlers = {
  typefast: (await import(pathToFileURL(resolve(appPath)).href)).app.fetch,
  hono: (await import(new URL('servers/hono-app.mjs', here).href)).app.fetch,
}

const origin = 'http://127.0.0.1:3000'
function requestOf({ method, path, headers = {}, body }) {
  const sent = { host: '127.0.0.1:3000', ...headers }
  if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body))
  return () => new Request(origin + path, { method, headers: sent, body })
}

function cpuMicros() {
  const { user, system } = process.cpuUsage()
  return user + system
}

async function timed(handler, make, count) {
  const wall = performance.now()
  const cpu = cpuMicros()
  for (let i = 0; i < count; i++) await (await handler(make())).arrayBuffer()
  return { cpu: (cpuMicros() - cpu) / count, wall: ((performance.now() - wall) * 1000) / count }
}

const runtime = typeof Bun !== 'undefined' ? `Bun ${Bun.version}` : `Deno ${Deno.version.deno}`
console.log(`${runtime}, ${rounds} rounds of ${requests} requests per handler, median per request`)
for (const name of options.endpoints.split(',')) {
  const make = requestOf(endpoints[name].load)
  const samples = { typefast: [], hono: [] }
  for (const handler of Object.values(handlers)) await timed(handler, make, requests)
  for (let round = 0; round < rounds; round++) {
    for (const [server, handler] of Object.entries(handlers)) samples[server].push(await timed(handler, make, requests))
  }
  const figure = (server, key) => median(samples[server].map((sample) => sample[key]))
  const cell = (server) => `${figure(server, 'cpu').toFixed(2)} CPU µs, ${figure(server, 'wall').toFixed(2)} wall µs`
  const ratio = (key) => (figure('typefast', key) / figure('hono', key)).toFixed(3)
  console.log(
    `${name.padEnd(7)} typefast ${cell('typefast')} | hono ${cell('hono')} | typefast/hono CPU ${ratio('cpu')}, wall ${ratio('wall')}`,
  )
}
