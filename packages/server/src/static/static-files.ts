import { realpathSync, type Stats, statSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve, sep } from 'node:path'
import { get, type Router, router } from '@typefast/router'
import { StaticFilesDirectoryError } from '../errors.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { file } from '../responses/file-response.js'
import { redirect } from '../responses/responses.js'

export interface StaticFilesOptions {
  /** The file served for a directory; false for none. Default 'index.html'. */
  index?: string | false
  /**
   * A file (relative to the folder) served for any path that matches no file, with status 200:
   * a single-page app's 'index.html' (FastAPI's `frontend()`). Default none: 404.
   */
  fallback?: string
  /** Headers added to every file served, e.g. { 'cache-control': 'public, max-age=3600' }. */
  headers?: Record<string, string>
}

/** The file under `root` that `relative` names, or undefined when it would leave `root` in any way. */
export async function resolveInside(
  root: string,
  relative: string,
): Promise<{ path: string; stats: Stats } | undefined> {
  // Decoded already by the router: %2e%2e, %2f and %00 arrive here as '..', '/' and NUL.
  if (relative.includes('\0') || relative.includes('\\') || isAbsolute(relative)) return undefined
  if (relative.split('/').some((segment) => segment === '..')) return undefined
  const candidate = resolve(root, relative)
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined
  try {
    // A symlink may point anywhere: what it resolves to must still be inside the folder.
    const real = await realpath(candidate)
    if (real !== root && !real.startsWith(root + sep)) return undefined
    return { path: real, stats: await stat(real) }
  } catch {
    return undefined
  }
}

/** `dir`'s real path, checked now to be a folder: one that is not there would answer 404 to every request. */
function servedFolder(prefix: string, dir: string): string {
  const path = resolve(dir)
  try {
    const real = realpathSync(path)
    if (statSync(real).isDirectory()) return real
  } catch (error) {
    // ENOENT, EACCES, or a runtime without a file system (a Worker's node:fs knows no such path).
    const code = (error as { code?: unknown }).code
    throw new StaticFilesDirectoryError(
      prefix,
      dir,
      `${path} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`,
    )
  }
  throw new StaticFilesDirectoryError(prefix, dir, `${path} is not a folder`)
}

/**
 * Serve the files of `dir` under `prefix` (GET and HEAD, with ETag, 304 and ranges): nothing
 * outside the folder is reachable, whatever the path says. Include it like a router; it is left
 * out of the OpenAPI document. A `dir` that is not a folder there is an error now, at
 * declaration, as Starlette's StaticFiles checks its directory, not a 404 on every request.
 */
export function staticFiles(prefix: string, dir: string, options: StaticFilesOptions = {}): Router<never> {
  const base = servedFolder(prefix, dir)
  const index = options.index ?? 'index.html'
  const init = options.headers === undefined ? undefined : { headers: options.headers }

  const serve = async (raw: string, path: string) => {
    // Empty segments name nothing, as Starlette's StaticFiles joins the path's parts: '/static//app.js' is app.js.
    const relative = raw.split('/').filter(Boolean).join('/')
    let found = await resolveInside(base, relative)
    if (found?.stats.isDirectory()) {
      if (index === false) found = undefined
      else if (relative !== '' && !path.endsWith('/')) return redirect(`${path}/`)
      else found = await resolveInside(base, relative === '' ? index : join(relative, index).split(sep).join('/'))
    }
    if (found?.stats.isFile()) return file(found.path, init)
    if (options.fallback !== undefined) {
      const fallback = await resolveInside(base, options.fallback)
      if (fallback?.stats.isFile()) return file(fallback.path, init)
    }
    throw new HTTPException(404, 'Not Found')
  }

  const trimmed = prefix.replace(/\/+$/, '')
  return router(
    { prefix: trimmed === '' ? '/' : trimmed, includeInSchema: false },
    get('/', ({ request }) => serve('', request.path)),
    get('/{path:path}', ({ params, request }) => serve(params.path, request.path)),
  ) as unknown as Router<never>
}
