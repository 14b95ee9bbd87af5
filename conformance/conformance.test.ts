// The differential suite (conformance/run.mjs) as a test: every case sent to FastAPI and to
// typefast must answer the same, a documented deviation or a known gap. Without python3 or the
// FastAPI venv it is skipped, saying so; in CI (CI=true) it always runs.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { fastapiPython } from './venv.mjs'

const python = fastapiPython()
const inCi = process.env.CI === 'true'
if (python === undefined && !inCi) {
  console.warn('conformance: skipped, no FastAPI venv (run .ci/fastapi-venv.sh or set FASTAPI_VENV)')
}

test.skipIf(python === undefined && !inCi)(
  'every answer and OpenAPI operation is identical to FastAPI, a documented deviation or a known gap',
  async () => {
    expect(python, 'the FastAPI venv is missing: .ci/fastapi-venv.sh makes it').toBeDefined()
    const child = spawn(process.execPath, ['--conditions=@typefast/source', '--import', 'tsx', 'conformance/run.mjs'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    const [code] = await once(child, 'exit')
    console.log(output.split('\n\n')[0])
    expect(code, output).toBe(0)
  },
  180_000,
)
