// Runs the samples of build.md: the CLI builds samples/build/app.ts, and serve-built.ts serves it from
// the build under --disallow-code-generation-from-strings, answering as the app does without it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { afterAll, describe, expect, test } from 'vitest'

const docsDir = fileURLToPath(new URL('.', import.meta.url))
const cli = fileURLToPath(new URL('../packages/typefast/src/cli/main.ts', import.meta.url))
const node = ['--conditions=@typefast/source', '--import', 'tsx']
const out = mkdtempSync(join(tmpdir(), 'typefast-docs-build-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('build.md', () => {
  test('typefast build, then serve-built.ts without code generation: the same answers', async () => {
    const build = spawn(process.execPath, [...node, cli, 'build', 'samples/build/app.ts', '--out', out], {
      cwd: docsDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let buildErr = ''
    build.stderr!.on('data', (chunk) => (buildErr += chunk))
    const [code] = await once(build, 'exit')
    expect(code, buildErr).toBe(0)
    const { app } = await import('./samples/build/app.js')
    expect(JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'))).toEqual(app.openapi())

    const child = spawn(process.execPath, [...node, 'samples/build/serve-built.ts'], {
      cwd: docsDir,
      env: { ...process.env, PORT: '0', BUILD_DIR: out, NODE_OPTIONS: '--disallow-code-generation-from-strings' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let text = ''
      child.stdout!.setEncoding('utf8')
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: string) => {
          text += chunk
          const found = /serving on (\S+)/.exec(text)
          if (found) resolve(found[1]!)
        })
        child.on('exit', (exitCode) => reject(new Error(`serve-built.ts exited ${exitCode}`)))
      })
      for (const [path, body] of [
        ['/items/1', { name: 'pen', price: 2, extra: 'dropped' }],
        ['/items/x', { name: '', price: 0 }],
      ] as const) {
        const answer = await request(`${url}${path}`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
        const expected = await app.inject({ method: 'POST', url: path, json: body })
        expect(answer.statusCode).toBe(expected.status)
        expect(await answer.body.text()).toBe(expected.body)
      }
    } finally {
      child.kill('SIGKILL')
    }
  }, 60_000)
})
