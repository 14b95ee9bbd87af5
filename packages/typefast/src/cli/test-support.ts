// Running the CLI as users do, for its tests: a real process on a loopback port, real signals.
// Every child is killed after its test, and each wait is bounded.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Agent, Client, request } from 'undici'
import { afterEach } from 'vitest'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
const main = fileURLToPath(new URL('./main.ts', import.meta.url))
export const fixture = fileURLToPath(new URL('./fixtures/app.ts', import.meta.url))

export interface Cli {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
  /** Resolve when `pattern` has appeared `count` times in stdout + stderr. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

export function startCli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, ['--conditions=@typefast/source', '--import', 'tsx', main, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout!.on('data', (chunk) => {
    out += chunk
    for (const check of waiters) check()
  })
  child.stderr!.on('data', (chunk) => {
    err += chunk
    for (const check of waiters) check()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, count = 1, timeoutMs = 30_000) {
      const global = new RegExp(pattern.source, 'g')
      return new Promise((resolve, reject) => {
        const check = () => {
          if ((`${out}\n${err}`.match(global)?.length ?? 0) >= count) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve()
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`timed out waiting for ${pattern} x${count}\nstdout: ${out}\nstderr: ${err}`))
        }, timeoutMs)
        waiters.add(check)
        check()
        void exited.then(() => setTimeout(check, 10))
      })
    },
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** One request on its own connection (so the primary routes each to a live worker). */
export async function fresh(url: string): Promise<{ status: number; json: any }> {
  const dispatcher = new Agent({ pipelining: 0, headersTimeout: 5_000, bodyTimeout: 5_000, connectTimeout: 5_000 })
  try {
    const response = await request(url, { dispatcher, reset: true })
    return { status: response.statusCode, json: await response.body.json() }
  } finally {
    void dispatcher.close()
  }
}

export interface ShutdownTally {
  answered: number
  /** Requests sent on a connection the server had accepted that got no answer (reset, closed). */
  lost: string[]
  /** Connections whose last answer said `connection: close`. */
  toldToClose: number
}

/**
 * One keep-alive connection sending requests back to back until an answer says
 * `connection: close`, as a client of a server that shuts down sees it.
 */
export async function keepAliveLoop(url: string, tally: ShutdownTally): Promise<void> {
  const client = new Client(url, { pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 10_000 })
  try {
    for (;;) {
      const response = await client.request({ path: '/pid', method: 'GET' })
      await response.body.text()
      tally.answered++
      if (response.headers.connection === 'close') {
        tally.toldToClose++
        return
      }
    }
  } catch (error) {
    tally.lost.push((error as Error & { code?: string }).code ?? (error as Error).message)
  } finally {
    await client.destroy()
  }
}
