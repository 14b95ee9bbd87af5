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
  for (const { prefix, handler } of mounts) {
    if (!url.startsWith(prefix)) continue
    const rest = url.slice(prefix.length)
    if (rest !== '' && rest[0] !== '/' && rest[0] !== '?') continue
    req.url = rest === '' || rest[0] === '?' ? `/${rest}` : rest
    handler(req, res)
    return true
  }
  return false
}

/**
 * Starlette's `get_route_path`: a path under the app's `root_path` (a proxy that forwards it
 * unstripped) is routed without it, so `/shop/items` and `/items` reach the same route.
 */
export function stripRootPath(req: IncomingMessage, rootPath: string): void {
  const url = req.url ?? '/'
  if (url.startsWith(rootPath) && url[rootPath.length] === '/') req.url = url.slice(rootPath.length)
}
