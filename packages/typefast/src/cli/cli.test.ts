import { fileURLToPath } from 'node:url'
import { Agent, request } from 'undici'
import { describe, expect, test } from 'vitest'
import { parseCommand } from './args.js'
import { fixture, freePort, fresh, startCli } from './test-support.js'

// The CLI as users run it: a real process on a loopback port, real signals.

describe('typefast run: graceful shutdown under load', () => {
  for (const workers of [1, 2]) {
    test(`--workers ${workers}: SIGTERM with requests in flight: all answered, shutdown hooks run, exit 0`, async () => {
      const port = await freePort()
      const cli = startCli(['run', fixture, '--port', String(port), '--workers', String(workers)], { SLOW_MS: '700' })
      await cli.waitFor(/serving on http:\/\/127\.0\.0\.1:\d+/)
      const agent = new Agent({ connections: 40 })
      const inFlight = Array.from({ length: 40 }, () =>
        request(`http://127.0.0.1:${port}/slow`, { dispatcher: agent }).then(async (r) => ({
          status: r.statusCode,
          body: (await r.body.json()) as { done: boolean },
        })),
      )
      await cli.waitFor(/slow request started/, 40)
      cli.child.kill('SIGTERM')
      const answers = await Promise.all(inFlight)
      expect(answers.filter((a) => a.status === 200 && a.body.done)).toHaveLength(40)
      expect(await cli.exited, cli.stderr()).toBe(0)
      expect(cli.stdout().match(/shutdown hook ran/g)).toHaveLength(workers)
      await agent.close()
      await expect(fresh(`http://127.0.0.1:${port}/pid`)).rejects.toThrow()
    }, 60_000)
  }

  test('a second signal forces the exit', async () => {
    const port = await freePort()
    const cli = startCli(['run', fixture, '--port', String(port)], { SLOW_MS: '20000' })
    await cli.waitFor(/serving on/)
    const pending = request(`http://127.0.0.1:${port}/slow`, { dispatcher: new Agent() }).catch((error) => error)
    await cli.waitFor(/slow request started/)
    cli.child.kill('SIGTERM')
    await cli.waitFor(/finishing requests in flight/)
    cli.child.kill('SIGINT')
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/SIGINT again: exiting now/)
    await pending
  }, 60_000)
})

describe('typefast run --workers', () => {
  test('a worker killed under load is replaced and the service keeps answering', async () => {
    const port = await freePort()
    const cli = startCli(['run', fixture, '--port', String(port), '--workers', '2'])
    await cli.waitFor(/serving on .* with 2 workers/)
    const url = `http://127.0.0.1:${port}/pid`
    const pids = new Set<number>()
    for (let i = 0; i < 60 && pids.size < 2; i++) pids.add((await fresh(url)).json.pid)
    expect(pids.size).toBe(2)
    const [victim] = pids
    // load: 4 clients in a loop, each request on a new connection
    let loading = true
    let answered = 0
    const failures: unknown[] = []
    const load = Array.from({ length: 4 }, async () => {
      while (loading) {
        try {
          if ((await fresh(url)).status === 200) answered++
        } catch (error) {
          failures.push(error)
        }
      }
    })
    while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 10))
    process.kill(victim!, 'SIGKILL')
    const killedAt = Date.now()
    await cli.waitFor(/worker \d+ died \(SIGKILL\); starting a new one/)
    // the survivor answers while the replacement starts
    for (let i = 0; i < 5; i++) expect((await fresh(url)).json.pid).not.toBe(victim)
    await cli.waitFor(/worker \d+ serving/)
    process.stdout.write(`replacement worker serving ${Date.now() - killedAt} ms after the kill\n`)
    // from here every request is answered, by the survivor and then by the replacement too
    const seen = new Set<number>()
    for (let i = 0; i < 200 && seen.size < 2; i++) {
      const answer = await fresh(url)
      expect(answer.status).toBe(200)
      seen.add(answer.json.pid)
    }
    expect(seen.size).toBe(2)
    expect(seen.has(victim!)).toBe(false)
    const answeredBefore = answered
    await new Promise((resolve) => setTimeout(resolve, 500))
    loading = false
    await Promise.all(load)
    expect(answered).toBeGreaterThan(answeredBefore)
    // at most the requests the victim held when it was killed were lost, and at once: none hung
    expect(failures.length, String(failures)).toBeLessThanOrEqual(4)
    for (const failure of failures) expect((failure as { code?: string }).code).not.toMatch(/TIMEOUT/)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
  }, 60_000)

  test('an app that fails to start stops the primary with exit code 1', async () => {
    const cli = startCli(['run', `${fixture}:missing`, '--port', String(await freePort()), '--workers', '2'])
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/has no typefast app as an export named 'missing' \(it exports: app\)/)
  }, 60_000)
})

describe('the command line', () => {
  test('parseCommand: defaults, options, and mistakes named', () => {
    expect(parseCommand(['run', 'app.ts'])).toEqual({
      command: 'run',
      options: {
        target: 'app.ts',
        host: '127.0.0.1',
        port: 8000,
        workers: 1,
        shutdownTimeout: undefined,
        accessLog: undefined,
        logLevel: undefined,
      },
    })
    expect(parseCommand(['dev', 'app.ts', '--port', '0'])).toMatchObject({
      options: { port: 0, shutdownTimeout: 1000 },
    })
    expect(
      parseCommand([
        'run',
        'a.ts:api',
        '--host',
        '0.0.0.0',
        '--workers',
        '4',
        '--no-access-log',
        '--log-level',
        'warn',
      ]),
    ).toMatchObject({
      options: { target: 'a.ts:api', host: '0.0.0.0', workers: 4, accessLog: false, logLevel: 'warn' },
    })
    expect(parseCommand([]).command).toBe('help')
    expect(() => parseCommand(['serve', 'app.ts'])).toThrow(/Unknown command 'serve'/)
    expect(() => parseCommand(['run'])).toThrow(/needs the app's module/)
    expect(() => parseCommand(['run', 'app.ts', '--workers', '0'])).toThrow(/--workers must be an integer >= 1/)
    expect(() => parseCommand(['dev', 'app.ts', '--workers', '2'])).toThrow(/typefast dev runs one process/)
  })

  test('typefast dev: serves the TypeScript source, prints the docs URL, restarts on change', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(fileURLToPath(new URL('./fixtures/', import.meta.url)), 'dev-'))
    const file = join(dir, 'dev-app.ts')
    const source = readFileSync(fixture, 'utf8').replace("title: 'cli fixture'", "title: 'v1'")
    writeFileSync(file, source)
    const port = await freePort()
    const cli = startCli(['dev', file, '--port', String(port)])
    try {
      await cli.waitFor(
        /serving on http:\/\/127\.0\.0\.1:\d+ \(reloading on change\); docs at http:\/\/127\.0\.0\.1:\d+\/docs/,
      )
      const first = await fresh(`http://127.0.0.1:${port}/openapi.json`)
      expect(first.json.info.title).toBe('v1')
      // the watcher may still be settling: write until the restart is seen
      let edits = 0
      const editing = setInterval(
        () => writeFileSync(file, source.replace("title: 'v1'", `title: 'v2' /* ${++edits} */`)),
        1500,
      )
      try {
        await cli.waitFor(/shutdown hook ran/)
      } finally {
        clearInterval(editing)
      }
      await cli.waitFor(/serving on/, 2)
      const second = await fresh(`http://127.0.0.1:${port}/openapi.json`)
      expect(second.json.info.title).toBe('v2')
    } finally {
      cli.child.kill('SIGTERM')
      await cli.exited
      const { rmSync } = await import('node:fs')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
