import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { call, signUpAndIn, tempDb } from './helpers.js'

const appDir = fileURLToPath(new URL('..', import.meta.url))

// `pnpm start` runs exactly this command; here PORT=0 picks a free port.
test('src/main.ts reads PORT, HOST and TODO_DB, serves, and closes on SIGTERM', async () => {
  const db = tempDb()
  const child = spawn(process.execPath, ['--conditions=@typefast/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TODO_DB: db.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    let output = ''
    const banner = await new Promise<RegExpMatchArray>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
        const match = /Todo API on (http:\/\/127\.0\.0\.1:\d+) {2}docs: (\S+)/.exec(output)
        if (match) resolve(match)
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk))
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
    })
    const url = banner[1]!
    expect(banner[2]).toBe(`${url}/docs`)
    const token = await signUpAndIn(url, 'main', 'a long enough password')
    const created = await call(url, 'POST', '/tasks', { title: 'from main' }, { authorization: `Bearer ${token}` })
    expect(created.status).toBe(201)
    expect(existsSync(db.path)).toBe(true)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(0)
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
    db.remove()
  }
}, 60_000)
