import { TypefastError } from '@typefast/dependency-resolution'

// Every start-up error a route declaration can cause, one class and one code each; the catalogue
// is docs/reference/errors.md.

/** `get(path, spec, handler)` was given a path that is not a string or a handler that is not a function. */
export class InvalidRouteError extends TypefastError {
  constructor(method: string, path: unknown, problem: 'path' | 'handler') {
    super(
      'TF_INVALID_ROUTE',
      problem === 'path'
        ? `${method} route: the path must be a string, got ${typeof path}. Write the path first, as in get('/items', handler).`
        : `${method} ${String(path)}: the handler must be a function. Pass it last, as in get('/items', { ... }, handler).`,
    )
  }
}

/** A path template that cannot be parsed. */
export class InvalidPathError extends TypefastError {
  constructor(path: string, problem: string, fix: string) {
    super('TF_INVALID_PATH', `Invalid route path '${path}': ${problem}. ${fix}`)
  }
}

/** A router prefix that does not start with '/'. */
export class InvalidPrefixError extends TypefastError {
  constructor(prefix: string) {
    super('TF_INVALID_PREFIX', `Invalid router prefix '${prefix}': it must start with '/'. Write '/${prefix}'.`)
  }
}

/** `router(options, ...)` was given something that is neither a route nor a router. */
export class InvalidRouterChildError extends TypefastError {
  constructor(prefix: string, child: unknown) {
    super(
      'TF_INVALID_ROUTER_CHILD',
      `router(${prefix}): every argument after the options must be a route or a router, got ${child === null ? 'null' : typeof child}. Pass routes made by get(), post(), ..., websocket() or routers made by router().`,
    )
  }
}

/** A path parameter with no key in the route's params schema. */
export class PathParamWithoutSchemaError extends TypefastError {
  constructor(route: string, names: readonly string[]) {
    super(
      'TF_PATH_PARAM_WITHOUT_SCHEMA',
      `${route}: path parameter ${names.map((m) => `'${m}'`).join(', ')} has no key in the params schema; add it to params: t.Object({ ... })`,
    )
  }
}

/** A params schema key that is not a parameter of the path. */
export class SchemaKeyNotInPathError extends TypefastError {
  constructor(route: string, names: readonly string[]) {
    super(
      'TF_SCHEMA_KEY_NOT_IN_PATH',
      `${route}: params schema key ${names.map((m) => `'${m}'`).join(', ')} is not a parameter of the path; add {${names[0]}} to the path or remove the key`,
    )
  }
}

/** Two routes with the same method and path. */
export class DuplicateRouteError extends TypefastError {
  constructor(method: string, path: string, existingPath: string | undefined) {
    const same = existingPath === undefined ? '' : ` (as '${existingPath}')`
    super(
      'TF_DUPLICATE_ROUTE',
      `Route ${method} ${path} is declared twice${same}. Remove one, or give it another method or path.`,
    )
  }
}

/** Two routes that answer the same path, one of them with a trailing slash (which is ignored). */
export class TrailingSlashClashError extends TypefastError {
  constructor(method: string, path: string, other: string) {
    super(
      'TF_TRAILING_SLASH_CLASH',
      `Cannot register route ${method} ${path}: ${other} answers the same path with a trailing slash, which is ignored. Remove one, or change its path.`,
    )
  }
}

/** The route table (find-my-way) refused a route, for instance for an unknown method. */
export class RouteRegistrationError extends TypefastError {
  constructor(method: string, path: string, cause: unknown) {
    super(
      'TF_ROUTE_REGISTRATION',
      `Cannot register route ${method} ${path}: ${(cause as Error).message}. Use an upper-case HTTP method and a path typefast documents (docs/reference/errors.md).`,
      { cause },
    )
  }
}
