import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { ensureVenv } from './python-venv.mjs'

// How each server is started: one table for run.mjs and startup.mjs, so the commands can be adjusted in one place.
// `cmd` runs with the repository root as working directory, PORT in the environment; 'node' means this Node.
// `setup`: makes what it needs (returns null, or why it cannot); `callgrind`: instructions.mjs's request counts
// when not the defaults.
// `needs`: a file that must exist, else the server is skipped with a message (typefast, before `pnpm build`).
// typefast runs its built JavaScript (`pnpm build`: packages/*/dist and apps/bench/dist) with plain node, like the
// peers: no tsx, no source condition, so neither start-up nor RSS pays for compiling TypeScript.
const typefast = (app) => ({
  cmd: ['node', 'bench/servers/typefast.mjs', app],
  needs: app,
})

// The load test peers, in the order of the tables. typefast is the subject of the "typefast / peer" ratio.
export const servers = {
  typefast: typefast('apps/bench/dist/app.js'),
  'node-http': { cmd: ['node', 'bench/servers/node-http.mjs'] },
  fastify: { cmd: ['node', 'bench/servers/fastify.mjs'] },
  hono: { cmd: ['node', 'bench/servers/hono.mjs'] },
  express: { cmd: ['node', 'bench/servers/express.mjs'] },
  // FastAPI on uvicorn with uvloop and httptools, in bench/.venv (made on first use). Python has no JIT to warm up,
  // and under callgrind it serves about 40 requests a second: fewer requests suffice and keep the run short.
  fastapi: {
    cmd: ['bench/.venv/bin/python', 'bench/servers/fastapi_app.py'],
    setup: ensureVenv,
    callgrind: { warmup: 300, requests: 300 },
  },
}

// The 1,000-route apps of startup.mjs.
export const startupServers = {
  typefast: typefast('apps/bench/dist/startup-app.js'),
  fastify: { cmd: ['node', 'bench/servers/startup-fastify.mjs'] },
}

// Bun and Deno as .ci/runtimes.sh installs them (TYPEFAST_BUN, TYPEFAST_DENO name other binaries).
const runtimesDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'typefast-runtimes', 'node_modules')
const runtimeCommands = {
  bun: { binary: process.env.TYPEFAST_BUN ?? join(runtimesDir, '@oven/bun-linux-x64/bin/bun'), args: [] },
  deno: { binary: process.env.TYPEFAST_DENO ?? join(runtimesDir, '@deno/linux-x64-glibc/deno'), args: ['run', '-A'] },
}
export const runtimeNames = Object.keys(runtimeCommands)

/** The peers on Bun or Deno (`run.mjs --runtime`): typefast's app.fetch and Hono, each served by the runtime's server. */
export function runtimeServers(runtime) {
  const { binary, args } = runtimeCommands[runtime]
  const install = () => (existsSync(binary) ? null : `${binary} is missing (run .ci/runtimes.sh to install it)`)
  const fetchServe = (module) => ({
    cmd: [binary, ...args, 'bench/servers/fetch-serve.mjs', module],
    needs: module,
    setup: install,
  })
  return { typefast: fetchServe('apps/bench/dist/app.js'), hono: fetchServe('bench/servers/hono-app.mjs') }
}
