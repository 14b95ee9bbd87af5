// The runtime matrix's Workers column: an app is built ahead of time (`typefast build`, on this
// Node), bundled by wrangler as `wrangler deploy` bundles it, and served by Cloudflare's workerd,
// where code generation from strings is disallowed: the app must answer from its build alone.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, extname, join, relative, resolve } from 'node:path'

const cli = 'packages/typefast/src/cli/main.ts'

/** The worker of each matrix app: a module to build the app from, and the Worker entry that serves it. */
interface WorkerSource {
  appModule: string
  /** A committed Workers module (the app's sample), which imports its build from `buildDir`; else an entry is written. */
  entry?: string
  buildDir?: string
  /** The app's wrangler.jsonc, which also names its Durable Object; else the entry is bundled with the flags below. */
  wranglerConfig?: string
  /** Text bindings (what `wrangler secret put` gives a deployed Worker). */
  secrets?: Record<string, string>
}

/** A SQLite-backed Durable Object class of the Worker and the binding it is reached by. */
interface DurableObject {
  className: string
  binding: string
}

const sources: Record<string, WorkerSource> = {
  feature: { appModule: 'runtimes/feature-app.ts' },
  bench: { appModule: 'apps/bench/src/app.ts' },
  'static-files': { appModule: 'runtimes/static-files-app.ts' },
  todo: {
    appModule: 'apps/todo/src/worker/build-app.ts',
    entry: 'apps/todo/src/worker/worker.ts',
    buildDir: 'apps/todo/src/worker/build',
    wranglerConfig: 'apps/todo/wrangler.jsonc',
    // The key it signs tokens with, as on the other runtimes (serve.ts).
    secrets: { TODO_JWT_SECRET: 'runtime-matrix-secret-0123456789abcdef' },
  },
  docs: {
    appModule: 'docs/samples/runtimes/app.ts',
    entry: 'docs/samples/runtimes/worker.ts',
    buildDir: 'docs/samples/runtimes/build',
  },
}

// The installed workerd's release date: Node's modules (node:fs, node:http, ...) and
// request.signal are on by default from it, so no compatibility flag is needed.
const compatibilityDate = '2026-11-17'

/** The Durable Object a wrangler.jsonc binds (its first), if any; the file is JSON with `//` comment lines. */
function durableObjectOf(wranglerConfig: string | undefined): DurableObject | undefined {
  if (wranglerConfig === undefined) return undefined
  const json = readFileSync(wranglerConfig, 'utf8').replace(/^\s*\/\/.*$/gm, '')
  const binding = JSON.parse(json).durable_objects?.bindings?.[0]
  return binding && { className: binding.class_name, binding: binding.name }
}

/**
 * workerd's config for the bundle (a path from the config's folder), with the Worker's secrets
 * and its Durable Object, which keeps its SQLite in `storageDir`.
 */
function config(
  bundle: string,
  secrets: Record<string, string>,
  durableObject: DurableObject | undefined,
  storageDir: string,
): string {
  const bindings = Object.entries(secrets).map(([name, value]) => `(name = "${name}", text = "${value}")`)
  if (durableObject !== undefined) {
    bindings.push(`(name = "${durableObject.binding}", durableObjectNamespace = "${durableObject.className}")`)
  }
  const objects =
    durableObject === undefined
      ? ''
      : `
  durableObjectNamespaces = [ (className = "${durableObject.className}", uniqueKey = "typefast-matrix", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),`
  const storage =
    durableObject === undefined ? '' : `, (name = "storage", disk = (path = "${storageDir}", writable = true))`
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${storage} ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "${bundle}") ],
  compatibilityDate = "${compatibilityDate}",
  bindings = [ ${bindings.join(', ')} ],${objects}
);
`
}

/** How to run wrangler: a Node it supports (22.12 or later) and its CLI script. */
export interface Wrangler {
  node: string
  script: string
}

/**
 * Bundle `entry` with wrangler as `wrangler deploy` would (a dry run: nothing is uploaded), with
 * `config` (the app's wrangler.jsonc) or else the flags a config would give; returns the bundle.
 */
function bundleWithWrangler(wrangler: Wrangler, entry: string, config: string | undefined, dir: string): string {
  const out = join(dir, 'bundle')
  const settings =
    config === undefined
      ? [entry, '--name', 'typefast-matrix', '--compatibility-date', compatibilityDate]
      : ['--config', config]
  execFileSync(wrangler.node, [wrangler.script, 'deploy', ...settings, '--dry-run', '--outdir', out], {
    cwd: dir,
    // The workspace's packages from their sources, as `typefast build` above read them.
    env: {
      ...process.env,
      WRANGLER_BUILD_CONDITIONS: '@typefast/source,workerd,worker,browser',
      WRANGLER_SEND_METRICS: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return join(out, `${basename(entry, extname(entry))}.js`)
}

/** Build `app` and bundle its Worker into a fresh directory; returns workerd's config file. */
function prepare(app: string, wrangler: Wrangler): string {
  const source = sources[app]
  if (source === undefined) throw new Error(`no Worker for the ${app} app`)
  const dir = mkdtempSync(join(tmpdir(), `typefast-workerd-${app}-`))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const buildDir = source.buildDir ?? join(dir, 'build')
  execFileSync(
    process.execPath,
    ['--conditions=@typefast/source', '--import', 'tsx', cli, 'build', source.appModule, '--out', buildDir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  let entry = source.entry === undefined ? undefined : resolve(source.entry)
  if (entry === undefined) {
    entry = join(dir, 'worker.ts')
    writeFileSync(
      entry,
      [
        `import { useCompiledBuild } from '${resolve('packages/typefast/src/index.ts')}'`,
        `import build from '${resolve(buildDir, 'typefast-build.mjs')}'`,
        `import { app } from '${resolve(source.appModule)}'`,
        'useCompiledBuild(build)',
        'export default { fetch: app.fetch }',
      ].join('\n'),
    )
  }
  const wranglerConfig = source.wranglerConfig && resolve(source.wranglerConfig)
  const bundle = bundleWithWrangler(wrangler, entry, wranglerConfig, dir)
  const storageDir = join(dir, 'storage')
  mkdirSync(storageDir)
  const file = join(dir, 'config.capnp')
  writeFileSync(file, config(relative(dir, bundle), source.secrets ?? {}, durableObjectOf(wranglerConfig), storageDir))
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

/** What workerd logs when a Worker's module throws as it loads. */
const loadFailed = /^service \S+: Uncaught /m

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
  wrangler: Wrangler,
): Promise<{ child?: ChildProcess; url?: string; failure?: string }> {
  let configFile: string
  try {
    configFile = prepare(app, wrangler)
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
  const pause = () => new Promise((r) => setTimeout(r, 100))
  for (let wait = 0; wait < 300 && !exited; wait++) {
    if (await accepts(port)) {
      // workerd listens before the Worker's module has loaded; a module that throws is logged within
      // a few ms, and every connection is then reset. That is a Worker that did not start.
      for (let settle = 0; settle < 10 && !loadFailed.test(output); settle++) await pause()
      if (!loadFailed.test(output)) return { child, url: `http://127.0.0.1:${port}` }
      break
    }
    await pause()
  }
  child.kill()
  // workerd's own lines say why (`service main: Uncaught Error: ...`).
  return { child, failure: exited || loadFailed.test(output) ? output : 'not listening within 30 s' }
}
