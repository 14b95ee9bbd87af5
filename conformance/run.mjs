// The differential suite: every request of conformance/cases/ sent to the FastAPI twin and to the
// typefast sample over real sockets, the answers and both OpenAPI documents compared.
//
//   node --conditions=@typefast/source --import tsx conformance/run.mjs [page...] [--update-gaps] [--show-gaps]
//
// Exits 1 on a difference that is neither a documented deviation nor a known gap, and on a known
// gap that no longer differs. FASTAPI_VENV names the venv (default .venv-fastapi in the repo, then
// /work/.venv-fastapi).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Client } from 'undici'
import { comparable, differences, openapiUnits, unitDifferences } from './compare.mjs'
import { deviationFor, deviations, operationDeviations } from './deviations.mjs'
import { fastapiPython } from './venv.mjs'
import { writeKnownGaps } from './write-known-gaps.mjs'

const FASTAPI_VERSION = '0.142.2'
const here = fileURLToPath(new URL('.', import.meta.url))
const repo = join(here, '..')
const args = process.argv.slice(2)
const updateGaps = args.includes('--update-gaps')
// Prints the known gaps' answers too, as the unexpected ones are printed: what is left to fix.
const showGaps = args.includes('--show-gaps')
const onlyPages = args.filter((arg) => !arg.startsWith('--'))

async function loadCases() {
  const pages = readdirSync(join(here, 'cases'))
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => file.slice(0, -'.mjs'.length))
    .filter((page) => onlyPages.length === 0 || onlyPages.includes(page))
  const cases = []
  for (const page of pages.sort()) {
    const seen = new Set()
    const list = (await import(pathToFileURL(join(here, 'cases', `${page}.mjs`)).href)).default
    for (const request of list) {
      const id = `${page}/${request.sample}/${request.name}`
      if (seen.has(id)) throw new Error(`two cases are named ${id}`)
      seen.add(id)
      for (const file of [`fastapi/${page}/${request.sample}.py`, `../docs/samples/${page}/${request.sample}.ts`]) {
        if (!existsSync(join(here, file))) throw new Error(`${id}: no ${file}`)
      }
      cases.push({ ...request, page, id })
    }
  }
  return cases
}

/** Starts serve_fastapi.py for the twins given and resolves to their ports, and a stop function. */
async function startFastapi(python, twins) {
  const child = spawn(python, [join(here, 'serve_fastapi.py'), ...twins], { stdio: ['pipe', 'pipe', 'inherit'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    exited.then((code) => reject(new Error(`serve_fastapi.py exited with ${code} before serving`)))
  })
  return {
    pid: child.pid,
    ports: JSON.parse(line),
    stop: async () => {
      child.stdin.end()
      await exited
    },
  }
}

async function startTypefast(twins) {
  // The samples' access logs would bury the report; their errors are not compared.
  process.env.LOG_LEVEL ??= 'silent'
  const servers = {}
  for (const twin of twins) {
    const { app } = await import(pathToFileURL(join(repo, 'docs', 'samples', `${twin}.ts`)).href)
    const { url } = await app.listen({ port: 0, host: '127.0.0.1' })
    servers[twin] = { url, close: () => app.close() }
  }
  return servers
}

/**
 * One request over a real socket; the answer as status, lower-case headers and body bytes.
 * uvicorn closes a kept-alive connection after an unhandled error, so a request that finds its
 * connection reset is sent once more, on a new one, before its error counts as the answer.
 */
async function send(client, request, retried = false) {
  const headers = { ...request.headers }
  let body = request.body
  if (request.json !== undefined) {
    body = JSON.stringify(request.json)
    headers['content-type'] ??= 'application/json'
  }
  try {
    const res = await client.request({ path: request.url, method: request.method, headers, body })
    return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) }
  } catch (error) {
    if (!retried && ['ECONNRESET', 'UND_ERR_SOCKET'].includes(error.code)) return send(client, request, true)
    // A refused or dropped request is an answer too: compared by its error code.
    return { status: `error ${error.code ?? error.message}`, headers: {}, body: Buffer.alloc(0) }
  }
}

const clientFor = (origin) => new Client(origin, { headersTimeout: 15_000, bodyTimeout: 15_000 })

async function main() {
  const python = fastapiPython()
  if (python === undefined) throw new Error('no FastAPI venv: run .ci/fastapi-venv.sh or set FASTAPI_VENV')
  const cases = await loadCases()
  const twins = [...new Set(cases.map((request) => `${request.page}/${request.sample}`))].sort()
  const fastapi = await startFastapi(python, twins)
  const typefast = await startTypefast(twins)
  const known = await import(pathToFileURL(join(here, 'known-gaps.mjs')).href)
  const results = { answers: [], operations: [] }
  try {
    await Promise.all(
      twins.map(async (twin) => {
        const servers = {
          fastapi: { origin: `http://127.0.0.1:${fastapi.ports[twin]}`, pid: fastapi.pid },
          typefast: { origin: typefast[twin].url, pid: process.pid },
        }
        const clients = { fastapi: clientFor(servers.fastapi.origin), typefast: clientFor(servers.typefast.origin) }
        // A sample's requests go in order, one at a time: some samples keep state (a DELETE, then
        // the GET that finds nothing).
        for (const request of cases.filter((c) => `${c.page}/${c.sample}` === twin)) {
          const [a, b] = await Promise.all([send(clients.fastapi, request), send(clients.typefast, request)])
          results.answers.push(
            judgeAnswer(request, comparable(a, servers.fastapi), comparable(b, servers.typefast), known),
          )
        }
        const docs = await Promise.all([
          send(clients.fastapi, { method: 'GET', url: '/openapi.json' }),
          send(clients.typefast, { method: 'GET', url: '/openapi.json' }),
        ])
        results.operations.push(...judgeOpenapi(twin, docs.map(openapiOf), known))
        await Promise.all([clients.fastapi.close(), clients.typefast.close()])
      }),
    )
  } finally {
    await Promise.all([fastapi.stop(), ...Object.values(typefast).map((server) => server.close())])
  }
  return report(results, known, cases)
}

const openapiOf = (answer) => (answer.status === 200 ? JSON.parse(answer.body.toString('utf8')) : undefined)

function judgeAnswer(request, fastapi, typefast, known) {
  const differ = differences(fastapi, typefast)
  const base = { id: request.id, page: request.page, differ, fastapi, typefast }
  if (differ.length === 0) return { ...base, verdict: 'identical' }
  const deviation = deviationFor(request, fastapi, typefast)
  if (deviation) return { ...base, verdict: 'deviation', deviation: deviation.id }
  return { ...base, verdict: request.id in known.answers ? 'known gap' : 'unexpected' }
}

function judgeOpenapi(twin, [fastapiDoc, typefastDoc], known) {
  const page = twin.split('/')[0]
  const fastapi = openapiUnits(fastapiDoc)
  const typefast = openapiUnits(typefastDoc)
  return [...new Set([...fastapi.keys(), ...typefast.keys()])].map((unit) => {
    const id = `${twin} ${unit}`
    const [a, b] = [fastapi.get(unit), typefast.get(unit)]
    const differ = unitDifferences(a, b)
    const base = { id, page, differ, fastapi: a, typefast: b }
    if (differ.length === 0) return { ...base, verdict: 'identical' }
    const deviation = operationDeviations.find((d) =>
      d.applies(a, b, { unit, fastapiUnits: fastapi, typefastUnits: typefast }),
    )
    if (deviation) return { ...base, verdict: 'deviation', deviation: deviation.id }
    return { ...base, verdict: id in known.operations ? 'known gap' : 'unexpected' }
  })
}

const count = (list, verdict) => list.filter((entry) => entry.verdict === verdict).length

function report(results, known, cases) {
  const pages = [...new Set(cases.map((request) => request.page))].sort()
  const figures = { fastapi: FASTAPI_VERSION, pages: {} }
  for (const page of pages) {
    const answers = results.answers.filter((entry) => entry.page === page)
    const operations = results.operations.filter((entry) => entry.page === page)
    figures.pages[page] = { answers: tally(answers), operations: tally(operations) }
    console.log(
      `${page}: ${count(answers, 'identical')} of ${answers.length} answers identical, ` +
        `${count(operations, 'identical')} of ${operations.length} operations identical`,
    )
  }
  figures.answers = tally(results.answers)
  figures.operations = tally(results.operations)
  figures.deviations = Object.fromEntries(
    [...deviations, ...operationDeviations].map((deviation) => [
      deviation.id,
      [...results.answers, ...results.operations].filter((entry) => entry.deviation === deviation.id).length,
    ]),
  )
  console.log(
    `\n${figures.answers.identical} of ${figures.answers.total} answers identical to FastAPI ${FASTAPI_VERSION}, ` +
      `${figures.operations.identical} of ${figures.operations.total} OpenAPI operations identical`,
  )
  console.log(
    `deviations (documented): ${figures.answers.deviations} answers, ${figures.operations.deviations} operations (${Object.entries(
      figures.deviations,
    )
      .filter(([, n]) => n > 0)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ')})`,
  )
  console.log(
    `known gaps (bugs not yet fixed): ${figures.answers.knownGaps} answers, ${figures.operations.knownGaps} operations`,
  )

  const ran = new Set(pages)
  const inRun = (id) => ran.has(id.split('/')[0])
  const differs = new Set(
    [...results.answers, ...results.operations].filter((e) => e.verdict !== 'identical').map((e) => e.id),
  )
  const stale = [...Object.keys(known.answers), ...Object.keys(known.operations)].filter(
    (id) => inRun(id) && !differs.has(id),
  )
  const unexpected = [...results.answers, ...results.operations].filter((entry) => entry.verdict === 'unexpected')

  if (updateGaps) {
    writeKnownGaps(join(here, 'known-gaps.mjs'), known, results, inRun)
    console.log('known-gaps.mjs rewritten from this run')
  } else {
    const shown = showGaps ? [...results.answers, ...results.operations].filter((e) => e.verdict === 'known gap') : []
    for (const entry of [...shown, ...unexpected]) {
      console.log(`\n${entry.verdict.toUpperCase()} ${entry.id}: ${entry.differ.join(', ')}`)
      // An operation's differences are shown where they are; an answer whole.
      const paths = 'status' in (entry.fastapi ?? entry.typefast ?? {}) ? [''] : entry.differ
      for (const at of paths) {
        if (at !== '') console.log(`  at ${at}`)
        console.log(`  FastAPI:  ${String(JSON.stringify(valueAt(entry.fastapi, at))).slice(0, 600)}`)
        console.log(`  typefast: ${String(JSON.stringify(valueAt(entry.typefast, at))).slice(0, 600)}`)
      }
    }
    for (const id of stale) console.log(`FIXED (remove it from known-gaps.mjs): ${id}`)
  }
  // The figures of the whole suite only: a run over some pages would overwrite them with a part.
  if (onlyPages.length === 0) writeFileSync(join(here, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`)
  return updateGaps || (unexpected.length === 0 && stale.length === 0)
}

/** The value at a dotted path of `unitDifferences` ('' or '(root)': the whole value). */
const valueAt = (value, at) =>
  at === '' || at === '(root)' || at.startsWith('only in') ? value : at.split('.').reduce((v, key) => v?.[key], value)

function tally(list) {
  return {
    identical: count(list, 'identical'),
    total: list.length,
    deviations: count(list, 'deviation'),
    knownGaps: count(list, 'known gap'),
    unexpected: count(list, 'unexpected'),
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error) => {
    console.error(error)
    process.exit(2)
  },
)
