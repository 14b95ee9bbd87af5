// Runs the samples of deployment.md and checks what the page says of them, the CLI included.
import { spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { SettingsError } from 'typefast'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'

const docsDir = fileURLToPath(new URL('.', import.meta.url))
const cli = fileURLToPath(new URL('../packages/typefast/src/cli/main.ts', import.meta.url))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** The status line of a raw request (no client library tidying it up). */
function rawStatus(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let data = ''
    socket.on('data', (chunk) => {
      data += chunk
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data)
      if (match) {
        socket.destroy()
        resolve(Number(match[1]))
      }
    })
    socket.on('error', reject)
    setTimeout(() => reject(new Error('no answer')), 10_000).unref()
  })
}

describe('deployment', () => {
  test('config.ts: typed settings from the environment; each bad variable named', async () => {
    const { loadConfig } = await import('./samples/deployment/config.js')
    const config = loadConfig({
      DATABASE_URL: 'postgres://db',
      PORT: '9000',
      DEBUG: 'yes',
      ALLOWED_ORIGINS: '["https://a.example"]',
    })
    expect(config).toEqual({
      database_url: 'postgres://db',
      port: 9000,
      debug: true,
      root_path: '',
      allowed_origins: ['https://a.example'],
    })
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(SettingsError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      '2 invalid settings:\n  DATABASE_URL: Field required\n  PORT: Input should be a valid integer, unable to parse string as an integer (got "eighty")',
    )
  })

  test('main.ts: its limits answer 413 and 414, and the server goes on', async () => {
    const { app } = await import('./samples/deployment/main.js')
    const { port } = await app.listen({ port: 0, accessLog: false })
    try {
      expect(await rawStatus(port, `GET /health?q=${'x'.repeat(5000)} HTTP/1.1\r\nhost: x\r\n\r\n`)).toBe(414)
      expect(await rawStatus(port, `GET /health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`)).toBe(431)
      expect(await rawStatus(port, 'GET /health HTTP/1.1\r\nhost: x\r\n\r\n')).toBe(200)
    } finally {
      await app.close()
    }
  })

  test('typefast run main.ts --workers 2: serves, then SIGTERM exits 0', async () => {
    const port = await freePort()
    const child = spawn(
      process.execPath,
      [
        '--conditions=@typefast/source',
        '--import',
        'tsx',
        cli,
        'run',
        'samples/deployment/main.ts',
        '--port',
        String(port),
        '--workers',
        '2',
      ],
      { cwd: docsDir, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      let output = ''
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk
          if (/serving on http:\/\/127\.0\.0\.1:\d+ with 2 workers; docs at .*\/docs/.test(output)) resolve()
        })
        void exited.then(() => reject(new Error(output)))
      })
      const response = await request(`http://127.0.0.1:${port}/health`)
      expect(await response.body.json()).toMatchObject({ status: 'ok' })
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }, 60_000)

  test('probes.ts: liveness answers while readiness follows the database', async () => {
    const { app, db } = await import('./samples/deployment/probes.js')
    expect((await app.inject({ url: '/livez' })).json()).toEqual({ status: 'ok' })
    expect((await app.inject({ url: '/readyz' })).status).toBe(200)
    db.reachable = false
    const down = await app.inject({ url: '/readyz' })
    expect(down.status).toBe(503)
    expect(down.json()).toEqual({ detail: 'database unreachable' })
    expect((await app.inject({ url: '/livez' })).status).toBe(200)
    db.reachable = true
  })
})
