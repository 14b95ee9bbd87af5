import { generatingThrough } from '@typefast/dependency-resolution/internal'
import FindMyWay from 'find-my-way'
import { DuplicateRouteError, RouteRegistrationError, TrailingSlashClashError } from './errors.js'
import { parsePathTemplate } from './path-template.js'
import { beforeTrailingSlash, isTriedFirst, shapeOf, withoutTrailingSlash } from './pattern-shape.js'
import {
  encodedSlash,
  encodedSlashes,
  hasEmptyParam,
  holdsSlash,
  pathEnd,
  renameWildcard,
  withoutFragment,
} from './request-target.js'

export type LookupResult<T> =
  | { kind: 'found'; route: T; params: Record<string, string>; query: string }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string }

export interface RouteTableOptions {
  /**
   * Longest value a `{name}` parameter may take; longer ones do not match. Starlette sets no limit,
   * so the default is node's own bound on a request head (16 KiB): find-my-way's 100 would answer
   * 404 to a long slug or a token in the path that FastAPI routes.
   */
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
  /** the find-my-way pattern the entry is registered under: the template's, less one trailing slash */
  routerPath: string
  /** true for the HEAD entry that answers a GET route until an explicit HEAD route replaces it */
  implicit: boolean
  /**
   * true when a hit may depend on the trailing slash (see `#slashSensitiveMatch`): a `{name:path}` route, or
   * one whose pattern still ends in '/' once a trailing slash is taken off ('/a//' as '/a/')
   */
  slashSensitive: boolean
}

type Method = FindMyWay.HTTPMethod

const NOT_FOUND = Object.freeze({ kind: 'not-found' }) as LookupResult<never>

// find-my-way hands over the raw query string as is: typefast parses it per route, by schema.
const rawQuery = (query: string) => query

/**
 * The request-time route table: find-my-way underneath, with typefast's path templates, HEAD for every GET,
 * 405 with `Allow`, and trailing slashes ignored.
 *
 * Trailing slashes: each route is registered once, without one ('/items/' as '/items'), and `lookup` handles
 * the slash itself. A hit is returned as find-my-way gives it, at no extra cost; only when a path that ends
 * in '/' finds nothing (or only an empty parameter, see `#findWithoutTrailingSlash`) is it looked up again
 * with that one slash removed, query string kept. The other case that looks again is a `{name:path}` hit on
 * such a path: a route without the slash wins over it where its slashed form would have
 * (`#slashSensitiveMatch`: '/files/x/' is the route '/files/x', '/files/y/' gives '{name:path}' 'y/').
 *
 * Why: find-my-way's `ignoreTrailingSlash` strips the slash before matching, which changes what `{name:path}`
 * and empty parameters match (the tests pin typefast's rules); registering every route a second time with the
 * slash (as this table once did) doubles find-my-way's `on()` work and the memory of its tree, for URLs that
 * clients rarely send: for 1,000 routes the table's heap went from 14 MB to 8.4 MB. A URL with a trailing
 * slash now costs a second find. `lookup` gives find-my-way the whole URL and takes the query string back
 * from it, which saves splitting the URL first.
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
      maxParamLength: options.maxParamLength ?? 16_384,
      querystringParser: rawQuery,
    })
    // find-my-way's compile() is left off: its compiled matcher saves ~95 ns a lookup (0.3% of the smallest
    // request's cost) but takes ~0.3 s per 1,000 routes at the first request, which start-up pays.
  }

  add(method: string, path: string, route: T): void {
    const template = parsePathTemplate(path)
    const routerPath = withoutTrailingSlash(template.routerPath)
    const shape = shapeOf(routerPath)
    const existing = this.#byKey.get(`${method} ${shape}`)
    if (existing !== undefined && !existing.implicit) {
      throw new DuplicateRouteError(method, path, existing.path === template.openapiPath ? undefined : existing.path)
    }
    const addHead = method === 'GET' && !this.#byKey.has(`HEAD ${shape}`)
    this.#checkSlashNeighbours(method, shape, path)
    if (addHead) this.#checkSlashNeighbours('HEAD', shape, path)
    const entry: Entry<T> = {
      route,
      wildcard: template.wildcard,
      segmentParams: template.params.filter((name) => name !== template.wildcard),
      method,
      path: template.openapiPath,
      routerPath,
      implicit: false,
      slashSensitive: template.wildcard !== undefined || (routerPath.length > 1 && routerPath.endsWith('/')),
    }
    // an explicit HEAD route takes over from the one derived from GET
    if (existing !== undefined) this.#fmw.off('HEAD', existing.routerPath)
    this.#on(method, routerPath, entry, path)
    this.#byKey.set(`${method} ${shape}`, entry)
    this.#methods.add(method)
    this.#routes.push({ method, path: template.openapiPath, route })

    if (addHead) {
      const head: Entry<T> = { ...entry, method: 'HEAD', implicit: true }
      this.#on('HEAD', routerPath, head, path)
      this.#byKey.set(`HEAD ${shape}`, head)
      this.#methods.add('HEAD')
    }
  }

  lookup(method: string, url: string): LookupResult<T> {
    let found = this.#fmw.find(method as Method, url)
    if (found === null || isEmptyParamMatch(found)) {
      found = this.#findWithoutTrailingSlash(method, url)
      if (found === null)
        return encodedSlash.test(url) ? this.#lookupDecodedSlashes(method, url) : this.#miss(method, url)
    }
    const entry = found.store as Entry<T>
    // A parameter holds a '/' only where its segment had '%2F' (decoded): the parameters are shorter to scan than the URL
    if (entry.segmentParams.length !== 0 && holdsSlash(found.params, entry.segmentParams)) {
      return this.#lookupDecodedSlashes(method, url)
    }
    if (entry.slashSensitive) return this.#slashSensitiveMatch(method, url, found)
    let query = found.searchParams as unknown as string
    if (query !== '') query = withoutFragment(url, query)
    return { kind: 'found', route: entry.route, params: found.params as Record<string, string>, query }
  }

  /** all registered (method, openapiPath) pairs, in registration order (HEAD answered for GET is not listed) */
  routes(): { method: string; path: string; route: T }[] {
    return this.#routes.slice()
  }

  #on(method: string, routerPath: string, entry: Entry<T>, userPath: string): void {
    try {
      // find-my-way generates functions as routes are added: taken from a typefast build when there is one
      generatingThrough(() => this.#fmw.on(method as Method, routerPath, noopHandler, entry))
    } catch (error) {
      throw new RouteRegistrationError(method, userPath, error)
    }
  }

  /**
   * '/a' and '/a//' (registered as '/a/') would both answer '/a/', the first with its trailing slash ignored.
   * That is a start-up error, as it was when every route was registered with and without the slash.
   */
  #checkSlashNeighbours(method: string, shape: string, userPath: string): void {
    // '/' and '//' (from '///') could always be declared together, and still can: '//' is the second one's
    if (shape === '/') return
    let other = this.#byKey.get(`${method} ${shape}/`)
    if (other === undefined && shape.length > 2 && shape.endsWith('/')) {
      other = this.#byKey.get(`${method} ${shape.slice(0, -1)}`)
    }
    if (other === undefined) return
    const declared = other.implicit ? `the HEAD of GET ${other.path}` : `${other.method} ${other.path}`
    throw new TrailingSlashClashError(method, userPath, declared)
  }

  /** Whether the path matches a route of this method: the 405 check. */
  #matches(method: string, url: string): boolean {
    const found = this.#fmw.find(method as Method, url)
    if (found !== null && !isEmptyParamMatch(found)) return true
    return this.#findWithoutTrailingSlash(method, url) !== null
  }

  /**
   * A hit that registering every route with a trailing slash as well would have turned into another one.
   * A `{name:path}` route takes a trailing slash into its value ('/files/y/' gives 'y/'), unless the path
   * without the slash matches a route that is not a `{name:path}` one: find-my-way would have tried that
   * route's slashed form before the wildcard ('/files/x/' is the route '/files/x'). When the value is just
   * the slash's place ('/files/' with ''), which comes first is decided before the slash, by what each
   * pattern has there (`isTriedFirst`). The same holds for a route whose pattern ends in '/' ('/a//').
   */
  #slashSensitiveMatch(
    method: string,
    url: string,
    found: FindMyWay.FindResult<FindMyWay.HTTPVersion.V1>,
  ): LookupResult<T> {
    const entry = found.store as Entry<T>
    let params = found.params as Record<string, string>
    let query = found.searchParams as unknown as string
    if (query !== '') query = withoutFragment(url, query)
    const rest = entry.wildcard === undefined ? '' : params['*']!
    // a wildcard's value ends where the path does: only a path that ends in '/' (or an encoded '%2F') ends so
    if (rest === '' || rest.charCodeAt(rest.length - 1) === 47 /* '/' */) {
      const other = this.#findWithoutTrailingSlash(method, url)
      const otherEntry = other === null ? entry : (other.store as Entry<T>)
      if (
        otherEntry !== entry &&
        otherEntry.wildcard === undefined &&
        // with a longer value the wildcard matched the shorter path too, and lost to `other` there
        (rest !== '' || !isTriedFirst(beforeTrailingSlash(entry.routerPath), otherEntry.routerPath))
      ) {
        return { kind: 'found', route: otherEntry.route, params: other!.params as Record<string, string>, query }
      }
    }
    if (entry.wildcard !== undefined) params = renameWildcard(params, entry.wildcard)
    return { kind: 'found', route: entry.route, params, query }
  }

  /**
   * The slow path: a path that ends in '/' looked up again without that slash, since routes are registered
   * without one ('/items/' is '/items', '/items/?q=1' is '/items?q=1'); one slash only: '/items//' is not
   * '/items'. It is also the way out of a match with an empty parameter: find-my-way takes '' as a parameter
   * value and, having found a route, does not backtrack: with '/ab/{id}' and '/{name}', '/ab/' reaches
   * '/ab/:id' with id '' (its static 'ab/' is tried first), which typefast rejects; '/ab' then finds
   * '/{name}'. Any other empty segment ('/a//b') matches no parameter, as in FastAPI.
   */
  #findWithoutTrailingSlash(method: string, url: string): FindMyWay.FindResult<FindMyWay.HTTPVersion.V1> | null {
    const end = pathEnd(url)
    if (end < 2 || url.charCodeAt(end - 1) !== 47 /* '/' */) return null
    const found = this.#fmw.find(method as Method, url.slice(0, end - 1) + url.slice(end))
    return found === null || isEmptyParamMatch(found) ? null : found
  }

  /**
   * Starlette matches the percent-decoded path: '%2F' in a segment is a separator there, so
   * '/items/a%2Fb' is '/items/a/b', not '/items/{id}' with 'a/b'. Reached only when a segment
   * parameter's decoded value holds a '/', or when nothing matched a path holding '%2F'.
   */
  #lookupDecodedSlashes(method: string, url: string): LookupResult<T> {
    const end = pathEnd(url)
    const path = url.slice(0, end).replace(encodedSlashes, '/')
    if (path.length === end) return this.#miss(method, url)
    return this.lookup(method, path + url.slice(end))
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

function isEmptyParamMatch(found: FindMyWay.FindResult<FindMyWay.HTTPVersion.V1>): boolean {
  const names = (found.store as Entry<unknown>).segmentParams
  return names.length !== 0 && hasEmptyParam(found.params as Record<string, string>, names)
}
