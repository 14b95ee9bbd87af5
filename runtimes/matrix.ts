// The runtime matrix: each app of the shared suite is started on every runtime (Node through
// app.listen, Bun and Deno through app.fetch, Cloudflare's workerd from the app's build) and sent
// the same requests; every runtime's answers (status, the headers typefast sets, body bytes) must
// equal Node 20's.
// Run by .ci/runtimes.sh, which installs the runtimes and names them in TYPEFAST_NODE22, ...
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import { request } from 'undici'
import { typefastHeaders } from '../packages/server/src/transport/fetch/fixtures/feature-requests.js'
import { benchRequests, docsRequests, featureMatrixRequests, type MatrixRequest, todoRequests } from './app-requests.js'
import { startWorker, type Wrangler } from './workerd.js'

interface Runtime {
  name: string
  command: string[]
  /** The guide's sample that serves docs/samples/runtimes/app.ts on this runtime (Bun.serve, Deno.serve). */
  sample?: string
  /** A Workers runtime: workerd, and the wrangler that bundles each app's Worker. */
  worker?: { workerd: string; wrangler: Wrangler }
  /** Requests this runtime is not sent, by URL, and why (what the platform cannot do). */
  leftOut?: Record<string, string>
  /** Apps this runtime must refuse at start-up, with the error that says why (a Worker's missing file system). */
  refuses?: Record<string, RegExp>
}

interface Answer {
  status: number
  headers: [string, string][]
  body: string
}

const source = '--conditions=@typefast/source'
const nodeArgs = [source, '--import', 'tsx']
function binary(variable: string): string {
  const path = process.env[variable]
  if (!path) throw new Error(`matrix.ts: ${variable} is not set (run .ci/runtimes.sh)`)
  return path
}
function runtime(name: string, variable: string, args: string[], sample?: string): Runtime {
  return { name, command: [binary(variable), ...args], sample }
}

const allRuntimes: Runtime[] = [
  { name: `Node ${process.versions.node}`, command: [process.execPath, ...nodeArgs] },
  runtime('Node 22', 'TYPEFAST_NODE22', nodeArgs),
  runtime('Node 24', 'TYPEFAST_NODE24', nodeArgs),
  runtime('Bun', 'TYPEFAST_BUN', [source], 'bun.ts'),
  runtime('Deno', 'TYPEFAST_DENO', ['run', '-A', source, '--unstable-sloppy-imports'], 'deno.ts'),
  {
    name: 'Workers (workerd)',
    command: [],
    worker: {
      workerd: binary('TYPEFAST_WORKERD'),
      wrangler: { node: binary('TYPEFAST_NODE24'), script: binary('TYPEFAST_WRANGLER') },
    },
    leftOut: {
      '/file': 'a file response needs a file system; a Worker has none',
    },
    refuses: { 'static-files': /StaticFilesDirectoryError: staticFiles\('\/static', 'runtimes'\)/ },
  },
]

// TYPEFAST_MATRIX_ONLY (a pattern of runtime names) runs only those next to the reference, Node 20.
const only = process.env.TYPEFAST_MATRIX_ONLY
const runtimes = allRuntimes.filter((rt, i) => i === 0 || only === undefined || new RegExp(only).test(rt.name))

const allApps: Record<string, MatrixRequest[]> = {
  feature: featureMatrixRequests,
  bench: benchRequests,
  todo: todoRequests,
  docs: docsRequests,
}
// TYPEFAST_MATRIX_APPS (a pattern of app names) runs only those apps.
const appsOnly = process.env.TYPEFAST_MATRIX_APPS
const apps = Object.fromEntries(
  Object.entries(allApps).filter(([name]) => appsOnly === undefined || new RegExp(appsOnly).test(name)),
)
const samplesDir = 'docs/samples/runtimes'

/** Start `app` on `runtime`; resolves with its URL, or with the reason it could not start. */
async function start(rt: Runtime, app: string): Promise<{ child?: ChildProcess; url?: string; failure?: string }> {
  if (rt.worker !== undefined) {
    const started = await startWorker(app, rt.worker.workerd, rt.worker.wrangler)
    return started.failure === undefined ? started : { ...started, failure: firstError(started.failure) }
  }
  const [binary, ...args] = rt.command
  // The guide's app is served by the guide's own sample where the runtime has one.
  const child =
    app === 'docs' && rt.sample !== undefined
      ? spawn(binary!, [...args, rt.sample], {
          cwd: samplesDir,
          env: { ...process.env, PORT: '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(binary!, [...args, 'runtimes/serve.ts', app], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ child, failure: 'no answer within 90 s' }), 90_000)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (?:on )?(\S+?)\/?$/i.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1] })
      }
    })
    child.on('exit', () => {
      clearTimeout(timer)
      resolve({ child, failure: firstError(stderr) })
    })
  })
}

/** The line of a crash that says why (the runtime's error message), for the matrix's notes. */
function firstError(stderr: string): string {
  const clean = stripVTControlCharacters(stderr)
  const line = clean.split('\n').find((l) => /error|Error:/.test(l) && !/^\s+at /.test(l))
  return (line ?? clean.trim().split('\n')[0] ?? 'exited').trim().slice(0, 160)
}

/** The stream's first server-sent event (however the runtime cut it into chunks); then the client leaves. */
async function firstEvent(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<Buffer> {
  let received = Buffer.alloc(0)
  for await (const chunk of body) {
    received = Buffer.concat([received, chunk])
    const end = received.indexOf('\n\n')
    if (end !== -1) {
      body.destroy()
      return received.subarray(0, end + 2)
    }
  }
  return received
}

/**
 * `answer` as compared with the reference's: a runtime may frame a body that was streamed on
 * Node with a Content-Length (Bun does when the stream has ended before it starts sending); the
 * length must then be the body's.
 */
function comparable(answer: Answer, reference: Answer): Answer {
  const framed = (a: Answer) => a.headers.some(([name]) => name === 'content-length')
  if (framed(reference) || !framed(answer)) return answer
  const length = String(answer.body.length / 2)
  return { ...answer, headers: answer.headers.filter(([name, value]) => name !== 'content-length' || value !== length) }
}

async function send(base: string, step: MatrixRequest, token: string | undefined): Promise<Answer & { json?: any }> {
  const headers: Record<string, string> = { ...step.headers }
  if (step.auth && token !== undefined) headers.authorization = `Bearer ${token}`
  const response = await request(`${base}${step.url}`, { method: step.method, headers, body: step.body })
  const bytes = step.firstEventOnly ? await firstEvent(response.body) : Buffer.from(await response.body.arrayBuffer())
  const entries = Object.entries(response.headers).map(
    ([name, value]) => [name, value ?? ''] as [string, string | string[]],
  )
  // Deno adds `content-length: 0` to an answer without a body (a redirect, a HEAD): the platform's, not typefast's.
  const answered = typefastHeaders(entries).filter(
    ([name, value]) => bytes.length > 0 || name !== 'content-length' || value !== '0',
  )
  const answer = { status: response.statusCode, headers: answered, body: bytes.toString('hex') }
  if (!step.savesToken) return answer
  // A token is a signed time: its bytes differ per run, its shape does not.
  const parsed = JSON.parse(bytes.toString())
  return { ...answer, body: `token of type ${parsed.token_type}`, json: parsed }
}

/** Each step's answer; undefined for a step the runtime is not sent (its `leftOut`). */
async function answersOf(rt: Runtime, app: string): Promise<{ answers?: (Answer | undefined)[]; failure?: string }> {
  const started = await start(rt, app)
  if (started.url === undefined) {
    started.child?.kill()
    return { failure: started.failure }
  }
  try {
    const answers: (Answer | undefined)[] = []
    let token: string | undefined
    for (const step of apps[app]!) {
      if (rt.leftOut !== undefined && Object.hasOwn(rt.leftOut, step.url)) {
        answers.push(undefined)
        continue
      }
      try {
        const { json, ...answer } = await send(started.url, step, token)
        if (step.savesToken) token = json?.access_token
        answers.push(answer)
      } catch (error) {
        // A connection cut instead of an answer: recorded, so it differs from the reference.
        answers.push({ status: 0, headers: [], body: String(error) })
      }
    }
    return { answers }
  } finally {
    started.child?.kill()
  }
}

interface Cell {
  passed: number
  total: number
  leftOut: number
  failure?: string
  mismatches: string[]
}

const results = new Map<string, Map<string, Cell>>()
const reference = new Map<string, (Answer | undefined)[]>()
for (const rt of runtimes) {
  const row = new Map<string, Cell>()
  results.set(rt.name, row)
  for (const app of Object.keys(apps)) {
    const total = apps[app]!.length
    const { answers, failure } = await answersOf(rt, app)
    if (answers === undefined) {
      row.set(app, { passed: 0, total, leftOut: 0, failure, mismatches: [] })
      continue
    }
    const expected = reference.get(app) ?? answers
    if (!reference.has(app)) reference.set(app, answers)
    const mismatches: string[] = []
    answers.forEach((answer, i) => {
      if (answer === undefined) return
      if (JSON.stringify(comparable(answer, expected[i]!)) !== JSON.stringify(expected[i])) {
        const step = apps[app]![i]!
        mismatches.push(`${step.method} ${step.url}: ${JSON.stringify(answer)} != ${JSON.stringify(expected[i])}`)
      }
    })
    const leftOut = answers.filter((answer) => answer === undefined).length
    row.set(app, { passed: total - leftOut - mismatches.length, total, leftOut, mismatches })
  }
}

const names = Object.keys(apps)
console.log(`| runtime | ${names.join(' | ')} |`)
console.log(`|---|${names.map(() => '---').join('|')}|`)
let failed = false
for (const [name, row] of results) {
  const cells = names.map((app) => {
    const cell = row.get(app)!
    if (cell.failure !== undefined) return `does not start: ${cell.failure}`
    return cell.leftOut === 0
      ? `${cell.passed}/${cell.total}`
      : `${cell.passed}/${cell.total - cell.leftOut} (${cell.leftOut} left out)`
  })
  console.log(`| ${name} | ${cells.join(' | ')} |`)
}
for (const rt of runtimes) {
  for (const [url, reason] of Object.entries(rt.leftOut ?? {}))
    console.log(`\n${rt.name} is not sent ${url}: ${reason}.`)
}
for (const rt of runtimes) {
  for (const [app, expected] of Object.entries(rt.refuses ?? {})) {
    const started = await start(rt, app)
    started.child?.kill()
    const refused = started.url === undefined && expected.test(started.failure ?? '')
    console.log(
      `\n${rt.name} ${refused ? 'refuses' : 'does not refuse'} the ${app} app at start-up: ${started.failure ?? 'it started'}`,
    )
    if (!refused) failed = true
  }
}
for (const [name, row] of results) {
  for (const [app, cell] of row) {
    for (const mismatch of cell.mismatches) {
      failed = true
      console.error(`${name} ${app}: ${mismatch.slice(0, 600)}`)
    }
    if (cell.failure !== undefined) {
      failed = true
      console.error(`${name} ${app}: did not start: ${cell.failure}`)
    }
  }
}
process.exit(failed ? 1 : 0)
