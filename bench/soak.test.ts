// A short soak as a test: mixed traffic for 3 seconds, no unexpected answer, no heap growth.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

test('bench/soak.mjs: 3 s of mixed traffic, no errors, no leak', () => {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('./soak.mjs', import.meta.url)), '3', '4'], {
    encoding: 'utf8',
    timeout: 50_000,
  })
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0)
  expect(result.stdout).toMatch(/^errors: 0$/m)
}, 60_000)
