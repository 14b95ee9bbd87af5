// The Python virtual environment of the FastAPI peer: bench/.venv, created on first use with the pinned versions of
// servers/requirements.txt (FastAPI 0.142.2 on uvicorn with uvloop and httptools), and recreated when they change.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH } from './lib.mjs'

const VENV = join(BENCH, '.venv')
const REQUIREMENTS = join(BENCH, 'servers', 'requirements.txt')
// A copy of the requirements the venv was built from: a different file means a rebuild.
const INSTALLED = join(VENV, 'bench-requirements.txt')

// Makes sure the venv holds the pinned packages; returns null when ready, else the reason it cannot be.
export function ensureVenv() {
  const wanted = readFileSync(REQUIREMENTS, 'utf8')
  if (existsSync(INSTALLED) && readFileSync(INSTALLED, 'utf8') === wanted) return null
  console.error('bench: creating bench/.venv (FastAPI, uvicorn, uvloop, httptools) ...')
  const steps = [
    ['python3', ['-m', 'venv', '--clear', VENV]],
    [join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]],
  ]
  for (const [bin, args] of steps) {
    const result = spawnSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
    if (result.status !== 0)
      return `${bin} ${args.join(' ')} failed: ${(result.stderr || String(result.error?.message)).trim()}`
  }
  writeFileSync(INSTALLED, wanted)
  return null
}
