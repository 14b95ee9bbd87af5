// Where typefast spends instructions that hand-written node:http does not: both servers under callgrind, per endpoint
// the self instructions per request of every function (V8's JIT code named from `node --perf-basic-prof`), and the
// functions whose cost differs most, typefast's minus node:http's.
//
//   node bench/profile.mjs [--endpoints x,y] [--warmup 3000] [--requests 1000] [--top 20] [--against node-http]
//
// Writes bench/results/profile.md. typefast runs its built JavaScript: `pnpm build` first.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { callgrindServer, hasCallgrind } from './callgrind.mjs'
import { named, perfMap, selfCosts } from './callgrind-profile.mjs'
import { endpoints } from './endpoints.mjs'
import { BENCH, markdownTable, missing } from './lib.mjs'
import { servers } from './servers.mjs'

const { values: options } = parseArgs({
  options: {
    endpoints: { type: 'string', default: Object.keys(endpoints).join(',') },
    warmup: { type: 'string', default: '3000' },
    requests: { type: 'string', default: '1000' },
    top: { type: 'string', default: '20' },
    against: { type: 'string', default: 'node-http' },
  },
})
if (!hasCallgrind()) {
  console.error('valgrind (callgrind_control) is not installed: apt-get install valgrind')
  process.exit(1)
}
const names = ['typefast', options.against]
for (const name of names) {
  const why = missing(servers[name])
  if (why) throw new Error(`${name}: ${why}`)
}
const endpointNames = options.endpoints.split(',')
const requests = Number(options.requests)

// Per server and endpoint: { function -> self instructions per request }. Both servers run at once.
async function profile(name) {
  const session = await callgrindServer(name, servers[name], ['--perf-basic-prof', '--interpreted-frames-native-stack'])
  const texts = {}
  try {
    for (const endpoint of endpointNames) {
      texts[endpoint] = (await session.measure(endpoints[endpoint].load, Number(options.warmup), requests)).text
    }
  } finally {
    await session.stop()
  }
  // The perf map is complete once the process has exited; the dumps are named from it then.
  const ranges = perfMap(session.pid)
  const out = {}
  for (const [endpoint, text] of Object.entries(texts)) {
    out[endpoint] = new Map([...named(selfCosts(text), ranges)].map(([fn, ir]) => [fn, ir / requests]))
  }
  return out
}

const [subject, reference] = await Promise.all(names.map(profile))
const sections = []
for (const endpoint of endpointNames) {
  const mine = subject[endpoint]
  const theirs = reference[endpoint]
  const total = (costs) => [...costs.values()].reduce((a, b) => a + b, 0)
  const rows = [...new Set([...mine.keys(), ...theirs.keys()])]
    .map((fn) => [fn, mine.get(fn) ?? 0, theirs.get(fn) ?? 0])
    .map(([fn, a, b]) => ({ fn, a, b, more: a - b }))
    .sort((x, y) => y.more - x.more)
    .slice(0, Number(options.top))
  const { method, path } = endpoints[endpoint].load
  sections.push(
    `## ${method} ${path}: typefast ${Math.round(total(mine))}, ${options.against} ${Math.round(total(theirs))} ` +
      `instructions/request\n\n` +
      markdownTable(
        ['function', 'typefast', options.against, 'more in typefast'],
        rows.map((r) => [`\`${r.fn.replace(/\|/g, '\\|')}\``, Math.round(r.a), Math.round(r.b), Math.round(r.more)]),
        1,
      ),
  )
}
const command = `node bench/profile.mjs ${process.argv.slice(2).join(' ')}`.trim()
const text =
  `# Where typefast spends more instructions than ${options.against}\n\n` +
  `Self instructions per request of each function under callgrind (\`${command}\`; ${options.warmup} warm-up and ` +
  `${requests} counted requests per endpoint), the ${options.top} that cost typefast the most more.\n\n` +
  `${sections.join('\n\n')}\n`
mkdirSync(join(BENCH, 'results'), { recursive: true })
writeFileSync(join(BENCH, 'results', 'profile.md'), text)
console.log(text)
