// Where the FastAPI venv is: FASTAPI_VENV, else .venv-fastapi in the repo (CI's, made by
// .ci/fastapi-venv.sh), else /work/.venv-fastapi (the development machines').
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))

/** The venv's python, or undefined when there is none (the caller decides whether that fails). */
export function fastapiPython() {
  const candidates = process.env.FASTAPI_VENV
    ? [process.env.FASTAPI_VENV]
    : [join(repo, '.venv-fastapi'), '/work/.venv-fastapi']
  return candidates.map((dir) => join(dir, 'bin', 'python')).find((python) => existsSync(python))
}
