// Plumbing shared by the bench scripts: pinned child processes, readiness, RSS, machine facts, tables, results.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCH = dirname(fileURLToPath(import.meta.url))
export const ROOT = join(BENCH, '..')
export const SERVER_CORE = '0'
export const LOAD_CORE = '1'

const hasTaskset = spawnSync('taskset', ['-V']).status === 0

// argv prefixed with `taskset -c <core>` when taskset exists; 'node' becomes this Node binary.
export function pinned(core, argv) {
  const [bin, ...rest] = argv
  const full = [bin === 'node' ? process.execPath : bin, ...rest]
  return hasTaskset ? ['taskset', '-c', core, ...full] : full
}

// Starts a server from the command table, pinned to `core` (null: not pinned); its output is kept (the last 4 kB)
// to explain a failure.
export function startServer(entry, port, core = SERVER_CORE) {
  const [bin, ...args] = core === null ? entry.cmd : pinned(core, entry.cmd)
  const child = spawn(bin, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk) => (output = (output + chunk).slice(-4096))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
  return { child, port, exited, output: () => output }
}

// The reason a server entry cannot run here, or null. An entry's `setup` (the FastAPI venv) runs first.
export function missing(entry) {
  if (entry.needs && !existsSync(join(ROOT, entry.needs))) return `${entry.needs} does not exist yet`
  return entry.setup?.() ?? null
}

// A port that is free right now on 127.0.0.1 (asked of the kernel, so parallel runs do not collide).
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

// Resolves once the port accepts a TCP connection; rejects if the process exits first or after `timeoutMs`.
export async function waitForPort(server, timeoutMs = 30_000) {
  let exit = null
  server.exited.then((code) => (exit = code))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exit !== null) throw new Error(`exited (${exit}) before listening:\n${server.output()}`)
    if (await canConnect(server.port)) return
    await sleep(20)
  }
  throw new Error(`not listening on ${server.port} after ${timeoutMs} ms:\n${server.output()}`)
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(true) || socket.destroy())
    socket.once('error', () => resolve(false))
  })
}

export async function stopServer(server) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM')
  await server.exited
}

// Resident set size of a process in MB, from /proc (ps where there is no /proc).
export function rssMB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]
    return Number(kb) / 1024
  } catch {
    return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)]).stdout) / 1024
  }
}

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK']).stdout) || 100

// CPU time (user + system) a process has used so far, in seconds, from /proc; null where there is no /proc.
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / clockTicks
  } catch {
    return null
  }
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown'
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))[1]
  } catch {}
  return {
    cpu,
    cores: os.cpus().length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: loadavg(),
    taskset: hasTaskset,
  }
}

// The 1, 5 and 15 minute load averages: above the core count, other work competes with the benchmark.
export const loadavg = () => os.loadavg().map((n) => Math.round(n * 100) / 100)

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// A fixed-width text table: the first `left` columns are left-aligned, the others (figures) right-aligned.
export function textTable(header, rows, left = 2) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
  return [line(header), widths.map((w) => '-'.repeat(w)), ...rows.map(line)]
    .map((l) => l.join('  ').trimEnd())
    .join('\n')
}

export function markdownTable(header, rows, left = 2) {
  const align = header.map((_, i) => (i < left ? '---' : '---:'))
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

/** Writes bench/results/<name>.json (the run's record, dated) and <name>.md (its report); returns the folder. */
export function writeResults(name, record, report) {
  const out = join(BENCH, 'results')
  mkdirSync(out, { recursive: true })
  writeFileSync(
    join(out, `${name}.json`),
    `${JSON.stringify({ date: new Date().toISOString(), ...record }, null, 2)}\n`,
  )
  writeFileSync(join(out, `${name}.md`), report)
  return out
}
