// The runtime matrix's Workers column: an app is built ahead of time (`typefast build`, on this
// Node), bundled for Workers with esbuild as wrangler bundles (ES module, names kept, Node's
// built-ins left to the runtime's Node compatibility) and served by Cloudflare's workerd, where
// code generation from strings is disallowed: the app must answer from its build alone.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const cli = 'packages/typefast/src/cli/main.ts'

/** The worker of each matrix app: a module to build the app from, and the Worker entry that serves it. */
interface WorkerSource {
  appModule: string
  /** A committed Workers module (the guide's sample), which imports its build from `buildDir`; else an entry is written. */
  entry?: string
  buildDir?: string
}

/** Apps that have no Worker, and why. */
export const noWorker: Record<string, string> = {
  // A Worker's only durable SQLite is a Durable Object's (ctx.storage.sql): the app would become an
  // object behind a stub, not the same app; a wasm SQLite would keep its file in one isolate's memory.
  todo: "a Worker has no SQLite file to open, only a Durable Object's storage",
}

const sources: Record<string, WorkerSource> = {
  feature: { appModule: 'runtimes/feature-app.ts' },
  bench: { appModule: 'apps/bench/src/app.ts' },
  docs: {
    appModule: 'docs/samples/runtimes/app.ts',
    entry: 'docs/samples/runtimes/worker.ts',
    buildDir: 'docs/samples/runtimes/build',
  },
}

// The installed workerd's release date: Node's modules (node:fs, node:http, ...) and
// request.signal are on by default from it, so no compatibility flag is needed.
const compatibilityDate = '2026-11-17'

function config(bundle: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "${bundle}") ],
  compatibilityDate = "${compatibilityDate}",
);
`
}

/** Build and bundle `app`'s Worker into a fresh directory; returns workerd's config file. */
function prepare(app: string, esbuild: string): string {
  const source = sources[app]
  if (source === undefined) throw new Error(noWorker[app] ?? `no Worker for the ${app} app`)
  const dir = mkdtempSync(join(tmpdir(), `typefast-workerd-${app}-`))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const buildDir = source.buildDir ?? join(dir, 'build')
  execFileSync(
    process.execPath,
    ['--conditions=@typefast/source', '--import', 'tsx', cli, 'build', source.appModule, '--out', buildDir],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const entry =
    source.entry === undefined
      ? [
          `import { useCompiledBuild } from './packages/typefast/src/index.ts'`,
          `import build from '${resolve(buildDir, 'typefast-build.mjs')}'`,
          `import { app } from './${source.appModule}'`,
          'useCompiledBuild(build)',
          'export default { fetch: app.fetch }',
        ].join('\n')
      : undefined
  const bundle = join(dir, 'worker.js')
  execFileSync(
    esbuild,
    [
      ...(entry === undefined ? [source.entry!] : ['--loader=ts', '--sourcefile=worker-entry.ts']),
      '--bundle',
      '--format=esm',
      '--platform=node',
      '--conditions=@typefast/source,workerd,worker',
      // The build's fingerprint counts handler and dependency names: kept as written, as wrangler keeps them.
      '--keep-names',
      // Bundled CommonJS (pino, ajv's runtime) requires Node's built-ins; Workers give ES modules a require through node:module.
      "--banner:js=import * as nodeModule from 'node:module'; const require = nodeModule.createRequire('/');",
      `--outfile=${bundle}`,
      '--log-level=warning',
    ],
    { input: entry, stdio: [entry === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'] },
  )
  const file = join(dir, 'config.capnp')
  writeFileSync(file, config('worker.js'))
  return file
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolvePort(port))
    })
    server.on('error', reject)
  })
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy()
      done(true)
    })
    socket.on('error', () => done(false))
  })

/** Serve `app`'s Worker with workerd; resolves once it accepts connections, or with the output that says why it could not start. */
export async function startWorker(
  app: string,
  workerd: string,
  esbuild: string,
): Promise<{ child?: ChildProcess; url?: string; failure?: string }> {
  let configFile: string
  try {
    configFile = prepare(app, esbuild)
  } catch (error) {
    return { failure: (error as Error).message }
  }
  const port = await freePort()
  const child = spawn(workerd, ['serve', configFile, '--socket-addr', `http=127.0.0.1:${port}`, '--verbose'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  for (let wait = 0; wait < 300 && !exited; wait++) {
    if (await accepts(port)) return { child, url: `http://127.0.0.1:${port}` }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  // workerd's own lines say why (`service main: Uncaught Error: ...`).
  return { child, failure: exited ? output : 'not listening within 30 s' }
}
