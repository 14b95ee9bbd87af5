import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseCommand, toArgs } from './args.js'
import { buildModuleName } from './build.js'
import { freePort, startCli } from './test-support.js'

// `typefast build` and `typefast run --compiled` as users run them, each a real process. The
// built app runs under --disallow-code-generation-from-strings (eval and new Function throw, as
// under a `script-src 'self'` CSP or on Workers) and must answer as the app started without it.

const buildApp = fileURLToPath(new URL('./fixtures/build-app.ts', import.meta.url))
const noCodegen = { NODE_OPTIONS: '--disallow-code-generation-from-strings' }

const probes: { method: 'GET' | 'POST'; path: string; json?: unknown }[] = [
  { method: 'POST', path: '/items/3?q=ab&skip=2', json: { name: 'x', price: 2, when: '2024-01-02', size: 'large' } },
  { method: 'POST', path: '/copies/4', json: { name: 'y', price: '2.5', size: '7' } },
  {
    method: 'POST',
    path: '/items/0?q=abcdefg',
    json: { name: '', price: 'a', size: 'small', when: 'bad', tags: [1], extra: true },
  },
  { method: 'POST', path: '/items/abc', json: [] },
  { method: 'GET', path: '/listing?skip=-1&limit=500' },
  { method: 'GET', path: '/listing?limit=3' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/missing' },
]

async function answers(port: number) {
  const found = []
  for (const { method, path, json } of probes) {
    const response = await request(`http://127.0.0.1:${port}${path}`, {
      method,
      ...(json !== undefined && { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    })
    found.push({ path, status: response.statusCode, body: await response.body.text() })
  }
  return found
}

let out: string

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'typefast-build-'))
  const cli = startCli(['build', buildApp, '--out', out])
  expect(await cli.exited, cli.stderr()).toBe(0)
}, 60_000)
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('typefast build', () => {
  test('writes the build module and the OpenAPI document of the app', async () => {
    const { app } = await import('./fixtures/build-app.js')
    expect(JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'))).toEqual(app.openapi())
    const source = readFileSync(join(out, buildModuleName), 'utf8')
    expect(source).toContain(`// Written by \`typefast build ${buildApp} --out ${out}\``)
    // nothing imported: the runtime modules come through load(require)
    expect(source).not.toMatch(/^import /m)
  })

  test('the app started from it generates no code and answers exactly as the app compiled at start-up', async () => {
    const [port, plainPort] = [await freePort(), await freePort()]
    const built = startCli(['run', buildApp, '--compiled', out, '--port', String(port)], noCodegen)
    const plain = startCli(['run', buildApp, '--port', String(plainPort)])
    await Promise.all([built.waitFor(/serving on/), plain.waitFor(/serving on/)])
    const [fromBuild, fromStartUp] = [await answers(port), await answers(plainPort)]
    expect(fromBuild).toEqual(fromStartUp)
    expect(fromBuild.map((a) => a.status)).toEqual([200, 200, 422, 422, 422, 200, 200, 404])
    expect(JSON.parse(fromBuild[0]!.body)).toEqual({
      id: 3,
      q: 'ab',
      item: { name: 'x', price: 2, tags: [], size: 'large', when: '2024-01-02' },
      owner: 'owner-2',
    })
    built.child.kill('SIGTERM')
    plain.child.kill('SIGTERM')
    expect(await built.exited, built.stderr()).toBe(0)
  }, 60_000)

  test('without the build, the same app cannot start where code generation is disallowed', async () => {
    const cli = startCli(['run', buildApp, '--port', String(await freePort())], noCodegen)
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/Code generation from strings disallowed/)
  }, 60_000)

  test('a build older than the app is an error that names the command to rerun', async () => {
    const cli = startCli(['run', buildApp, '--compiled', out, '--port', String(await freePort())], {
      ...noCodegen,
      EXTRA_ROUTE: '1',
    })
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toContain('StaleBuildError: The compiled build does not match the app')
    expect(cli.stderr()).toContain(`Rebuild it with \`typefast build ${buildApp} --out ${out}\``)
  }, 60_000)

  test('a missing build directory says to run typefast build', async () => {
    const cli = startCli(['run', buildApp, '--compiled', join(out, 'nowhere'), '--port', String(await freePort())])
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/Cannot load the typefast build .*nowhere.*run typefast build first/)
  }, 60_000)
})

describe('typefast build: arguments', () => {
  test('build takes the app and --out (default build)', () => {
    expect(parseCommand(['build', 'app.ts'])).toEqual({ command: 'build', options: { target: 'app.ts', out: 'build' } })
    expect(parseCommand(['build', 'app.ts', '--out', 'dist/aot'])).toEqual({
      command: 'build',
      options: { target: 'app.ts', out: 'dist/aot' },
    })
    expect(() => parseCommand(['build', 'app.ts', '--port', '1'])).toThrow(
      expect.objectContaining({
        code: 'TF_CLI_MISPLACED_OPTION',
        message: 'typefast build does not take --port: it takes --out only.',
      }),
    )
    expect(() => parseCommand(['run', 'app.ts', '--out', 'x'])).toThrow(
      'typefast run does not take --out: it is an option of typefast build.',
    )
  })

  test('run takes --compiled and passes it on to workers; dev refuses it', () => {
    const command = parseCommand(['run', 'app.ts', '--compiled', 'build'])
    expect(command).toMatchObject({ command: 'run', options: { compiled: 'build' } })
    if (command.command !== 'run') throw new Error('expected run')
    expect(toArgs('run', command.options).join(' ')).toContain('--compiled build')
    expect(() => parseCommand(['dev', 'app.ts', '--compiled', 'build'])).toThrow(/typefast run --compiled DIR/)
  })
})
