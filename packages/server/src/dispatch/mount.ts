import type { IncomingMessage, ServerResponse } from 'node:http'
import { MountPrefixError } from '../errors.js'

/** An app mounted under a path prefix: it sees the path without the prefix. */
export interface Mount {
  readonly prefix: string
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void
}

/** '/v2', never '/' nor a trailing slash: start-up errors name the fix. */
export function checkMountPrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !prefix.startsWith('/') || prefix === '/' || prefix.endsWith('/')) {
    throw new MountPrefixError(prefix)
  }
  return prefix
}

/**
 * Hand the request to the mounted app whose prefix starts its path, the prefix stripped from
 * `req.url`; false when none does. Only reached for paths the app itself does not route.
 */
export function dispatchToMount(mounts: readonly Mount[], req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/'
  const mount = mountFor(mounts, url)
  if (mount === undefined) return false
  const rest = url.slice(mount.prefix.length)
  req.url = rest === '' || rest[0] === '?' ? `/${rest}` : rest
  mount.handler(req, res)
  return true
}

/** The mounted app whose prefix starts `url`'s path, if any. */
export function mountFor(mounts: readonly Mount[], url: string): Mount | undefined {
  for (const mount of mounts) {
    if (!url.startsWith(mount.prefix)) continue
    const next = url[mount.prefix.length]
    if (next === undefined || next === '/' || next === '?') return mount
  }
  return undefined
}

/**
 * Starlette's `get_route_path`: a path under the app's `root_path` (a proxy that forwards it
 * unstripped) is routed without it, so `/shop/items` and `/items` reach the same route.
 */
export function stripRootPath(req: IncomingMessage, rootPath: string): void {
  const url = req.url ?? '/'
  if (url.startsWith(rootPath) && url[rootPath.length] === '/') req.url = url.slice(rootPath.length)
}
