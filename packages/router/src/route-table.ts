import FindMyWay from 'find-my-way'
import { parsePathTemplate } from './path-template.js'

export type LookupResult<T> =
  | { kind: 'found'; route: T; params: Record<string, string>; query: string }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string }

export interface RouteTableOptions {
  /** longest value a `{name}` parameter may take; longer ones do not match (find-my-way's default: 100) */
  maxParamLength?: number
}

/** What find-my-way stores per route: the caller's route, plus what lookup needs to finish the job. */
interface Entry<T> {
  route: T
  /** the `{name:path}` parameter, which find-my-way reports as '*' */
  wildcard: string | undefined
  /** the one-segment parameters, which must not be empty */
  segmentParams: string[]
  method: string
  /** the OpenAPI path, for error messages */
  path: string
  routerPath: string
  /** true for the HEAD entry that answers a GET route until an explicit HEAD route replaces it */
  implicit: boolean
}

type Method = FindMyWay.HTTPMethod

const NOT_FOUND = Object.freeze({ kind: 'not-found' }) as LookupResult<never>

// find-my-way hands over the raw query string as is: typefast parses it per route, by schema.
const rawQuery = (query: string) => query

/**
 * The request-time route table: find-my-way underneath, with typefast's path templates, HEAD for every GET,
 * 405 with `Allow`, and trailing slashes ignored.
 *
 * Trailing slashes are handled by registering each route with and without one rather than with find-my-way's
 * `ignoreTrailingSlash`: that option disables its compiled matcher on the raw URL, which makes lookups ~40%
 * slower. For the same reason `lookup` gives find-my-way the whole URL and takes the query string back from it.
 */
export class RouteTable<T> {
  readonly #fmw: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>
  /** one entry per (method, path shape), keyed as find-my-way sees the pattern, for duplicate checks */
  readonly #byKey = new Map<string, Entry<T>>()
  /** methods with at least one route, for the 405 check */
  readonly #methods = new Set<string>()
  readonly #routes: { method: string; path: string; route: T }[] = []

  constructor(options: RouteTableOptions = {}) {
    this.#fmw = FindMyWay({
      maxParamLength: options.maxParamLength ?? 100,
      querystringParser: rawQuery,
    })
    // Compiled trees match 1.5-3x faster; trees changed by later add() calls recompile on their next find.
    this.#fmw.compile()
  }

  add(method: string, path: string, route: T): void {
    const template = parsePathTemplate(path)
    const key = routeKey(method, template.routerPath)
    const existing = this.#byKey.get(key)
    if (existing !== undefined && !existing.implicit) {
      const same = existing.path === template.openapiPath ? '' : ` (as '${existing.path}')`
      throw new Error(
        `Route ${method} ${path} is declared twice${same}. Remove one, or give it another method or path.`,
      )
    }
    const entry: Entry<T> = {
      route,
      wildcard: template.wildcard,
      segmentParams: template.params.filter((name) => name !== template.wildcard),
      method,
      path: template.openapiPath,
      routerPath: template.routerPath,
      implicit: false,
    }
    if (existing !== undefined) {
      // an explicit HEAD route takes over from the one derived from GET
      for (const variant of slashVariants(existing.routerPath)) this.#fmw.off('HEAD', variant)
    }
    this.#on(method, template.routerPath, entry, path)
    this.#byKey.set(key, entry)
    this.#methods.add(method)
    this.#routes.push({ method, path: template.openapiPath, route })

    const headKey = routeKey('HEAD', template.routerPath)
    if (method === 'GET' && !this.#byKey.has(headKey)) {
      const head: Entry<T> = { ...entry, method: 'HEAD', implicit: true }
      this.#on('HEAD', template.routerPath, head, path)
      this.#byKey.set(headKey, head)
      this.#methods.add('HEAD')
    }
  }

  lookup(method: string, url: string): LookupResult<T> {
    let found = this.#fmw.find(method as Method, url)
    if (found === null) return this.#miss(method, url)
    if (isEmptyParamMatch(found)) {
      found = this.#findWithoutTrailingSlash(method, url)
      if (found === null) return this.#miss(method, url)
    }
    const entry = found.store as Entry<T>
    const params = found.params as Record<string, string>
    let query = found.searchParams as unknown as string
    if (query !== '') query = withoutFragment(url, query)
    return {
      kind: 'found',
      route: entry.route,
      params: entry.wildcard === undefined ? params : renameWildcard(params, entry.wildcard),
      query,
    }
  }

  /** all registered (method, openapiPath) pairs, in registration order (HEAD answered for GET is not listed) */
  routes(): { method: string; path: string; route: T }[] {
    return this.#routes.slice()
  }

  #on(method: string, routerPath: string, entry: Entry<T>, userPath: string): void {
    try {
      for (const variant of slashVariants(routerPath)) this.#fmw.on(method as Method, variant, noopHandler, entry)
    } catch (error) {
      throw new Error(`Cannot register route ${method} ${userPath}: ${(error as Error).message}`, { cause: error })
    }
  }

  #matches(method: string, url: string): boolean {
    const found = this.#fmw.find(method as Method, url)
    if (found === null) return false
    return !isEmptyParamMatch(found) || this.#findWithoutTrailingSlash(method, url) !== null
  }

  /**
   * The slow path of a match that needs an empty parameter. find-my-way takes '' as a parameter value and,
   * having found a route, does not backtrack: with '/ab/{id}' and '/{name}', '/ab/' reaches '/ab/:id' with
   * id '' (its static 'ab/' is tried before the parameter that '/:name/' starts with), and rejecting that
   * match afterwards must not lose '/{name}'. A trailing slash is ignored, so such a path is looked up
   * again without it ('/ab/' is '/ab'); one slash only: '/items//' is not '/items'. Any other empty
   * segment ('/a//b') matches no parameter, as in FastAPI.
   */
  #findWithoutTrailingSlash(method: string, url: string): FindMyWay.FindResult<FindMyWay.HTTPVersion.V1> | null {
    const end = pathEnd(url)
    if (end < 2 || url.charCodeAt(end - 1) !== 47 /* '/' */) return null
    const found = this.#fmw.find(method as Method, url.slice(0, end - 1) + url.slice(end))
    return found === null || isEmptyParamMatch(found) ? null : found
  }

  /** The error path: which other methods would have matched this path? */
  #miss(method: string, url: string): LookupResult<T> {
    const allow: string[] = []
    for (const other of this.#methods) {
      if (other !== method && this.#matches(other, url)) allow.push(other)
    }
    if (allow.length === 0) return NOT_FOUND
    return { kind: 'method-not-allowed', allow: allow.sort().join(', ') }
  }
}

// find-my-way requires a handler; typefast only uses the store.
function noopHandler(): void {}

/** The pattern as find-my-way compares routes: parameter names do not matter, a trailing slash neither. */
function routeKey(method: string, routerPath: string): string {
  let shape = routerPath.replace(/::|:[A-Za-z0-9_]+/g, (m) => (m === '::' ? m : ':'))
  if (shape.length > 1 && shape.endsWith('/')) shape = shape.slice(0, -1)
  return `${method} ${shape}`
}

/** '/items' and '/items/' both; a '{name:path}' route already takes whatever follows its slash. */
function slashVariants(routerPath: string): string[] {
  if (routerPath === '/' || routerPath.endsWith('*')) return [routerPath]
  return routerPath.endsWith('/') ? [routerPath, routerPath.slice(0, -1)] : [routerPath, `${routerPath}/`]
}

/**
 * find-my-way ends the path at the first '?' or '#' and returns the rest; a fragment is no part of the query.
 * Clients never send fragments, so this is two char checks on the hot path.
 */
function withoutFragment(url: string, query: string): string {
  if (url.charCodeAt(url.length - query.length - 1) === 35 /* '#' */) return ''
  const hash = query.indexOf('#')
  return hash === -1 ? query : query.slice(0, hash)
}

/** find-my-way lets '/items/' match '/items/:id' with id ''; in typefast, as in FastAPI, a segment is never empty. */
function hasEmptyParam(params: Record<string, string>, names: string[]): boolean {
  for (let i = 0; i < names.length; i++) if (params[names[i]!] === '') return true
  return false
}

function isEmptyParamMatch(found: FindMyWay.FindResult<FindMyWay.HTTPVersion.V1>): boolean {
  const names = (found.store as Entry<unknown>).segmentParams
  return names.length !== 0 && hasEmptyParam(found.params as Record<string, string>, names)
}

/** Where the path of a request target ends: at its '?' or '#', if any. */
function pathEnd(url: string): number {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 63 /* '?' */ || c === 35 /* '#' */) return i
  }
  return url.length
}

function renameWildcard(params: Record<string, string>, name: string): Record<string, string> {
  const renamed: Record<string, string> = Object.create(null)
  for (const key in params) renamed[key === '*' ? name : key] = params[key]!
  return renamed
}
