// Where typefast spends instructions that hand-written node:http does not, from the dumps that
// `node bench/instructions.mjs --keep DIR` keeps: per endpoint the self instructions per request of every function
// (V8's JIT code named from the perf map the kept run's servers wrote), and the functions whose cost differs most,
// typefast's minus node:http's.
//
//   node bench/profile.mjs DIR [--endpoints x,y] [--top 20] [--against node-http]
//
// Writes bench/results/profile.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { named, perfMap, selfCosts } from './callgrind-profile.mjs'
import { endpoints } from './endpoints.mjs'
import { BENCH, markdownTable, ROOT } from './lib.mjs'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    endpoints: { type: 'string', default: Object.keys(endpoints).join(',') },
    top: { type: 'string', default: '20' },
    against: { type: 'string', default: 'node-http' },
  },
})
const [dir] = positionals
if (dir === undefined) {
  console.error('usage: node bench/profile.mjs DIR (the directory of `node bench/instructions.mjs --keep DIR`)')
  process.exit(1)
}
const kept = JSON.parse(readFileSync(join(BENCH, 'results', 'instructions.json'), 'utf8'))
const endpointNames = options.endpoints.split(',')

// Per endpoint: { function -> self instructions per counted request } of one server's kept dumps.
function profile(name) {
  const ranges = perfMap(join(dir, `${name}.perf.map`))
  const out = {}
  for (const endpoint of endpointNames) {
    const file = join(dir, `${name}-${endpoint}.callgrind`)
    if (!existsSync(file)) throw new Error(`${file} is missing: run node bench/instructions.mjs --keep ${dir}`)
    const { requests } = kept.results.find((r) => r.server === name && r.endpoint === endpoint)
    const costs = named(selfCosts(readFileSync(file, 'utf8')), ranges)
    out[endpoint] = new Map([...costs].map(([fn, ir]) => [fn, ir / requests]))
  }
  return out
}

// A function's name with its file relative to the repository and to its package, `|` escaped for the table.
const shortName = (fn) =>
  fn
    .replaceAll(`${ROOT}/`, '')
    .replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//g, 'node_modules/')
    .replace(/\|/g, '\\|')

const [subject, reference] = ['typefast', options.against].map(profile)
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
        rows.map((r) => [`\`${shortName(r.fn)}\``, Math.round(r.a), Math.round(r.b), Math.round(r.more)]),
        1,
      ),
  )
}
const command = `node bench/profile.mjs ${process.argv.slice(2).join(' ')}`.trim()
const text =
  `# Where typefast spends more instructions than ${options.against}\n\n` +
  `Self instructions per request of each function under callgrind (\`${command}\`, from the dumps of ` +
  `\`${kept.command}\`), the ${options.top} that cost typefast the most more.\n\n` +
  `${sections.join('\n\n')}\n`
mkdirSync(join(BENCH, 'results'), { recursive: true })
writeFileSync(join(BENCH, 'results', 'profile.md'), text)
console.log(text)
