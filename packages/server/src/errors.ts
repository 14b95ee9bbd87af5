import { TypefastError } from '@typefast/dependency-resolution'

// The server's start-up errors: each a mistake in how an app is declared or configured, thrown
// at declaration or by `app.ready()` (which listen, inject, handler and injectWebSocket call on
// first use), never while serving. Each message names the place and the fix; `code` is stable.

/** `add`, `include`, `use`, `websocket` or `mount` after the app was compiled and locked. */
export class AppLockedError extends TypefastError {
  constructor(call: string) {
    super(
      'TF_APP_LOCKED',
      `${call}: the app is locked, it was compiled by ready() (which listen(), inject(), handler and ` +
        'injectWebSocket() call on first use). Add every route, router, middleware, WebSocket route and ' +
        'mount before the app starts serving.',
    )
  }
}

/** `app.add`/`app.include` given something that is neither a route nor a router. */
export class NotARouteError extends TypefastError {
  constructor(call: string, value: unknown) {
    super(
      'TF_NOT_A_ROUTE',
      `${call}: expected a route or a router, got ${value === null ? 'null' : typeof value}; make routes with ` +
        "get('/path', handler) and friends, groups with router({ prefix }, ...routes)",
    )
  }
}

/** `app.use` given something that is not a middleware function. */
export class MiddlewareNotFunctionError extends TypefastError {
  constructor(value: unknown) {
    super(
      'TF_MIDDLEWARE_NOT_FUNCTION',
      `app.use(middleware): each middleware must be a function, got ${value === null ? 'null' : typeof value}; ` +
        'write it as async (request, next) => { const response = await next(); return response }',
    )
  }
}

/** `app.websocket(path, spec, handler)` without a handler function. */
export class WebSocketHandlerError extends TypefastError {
  constructor(path: string) {
    super(
      'TF_WEBSOCKET_HANDLER',
      `app.websocket('${path}'): the handler must be a function; pass it last: app.websocket(path, spec, handler)`,
    )
  }
}

/** A mount prefix that is not `/name`. */
export class MountPrefixError extends TypefastError {
  constructor(prefix: unknown) {
    super(
      'TF_MOUNT_PREFIX',
      `app.mount('${String(prefix)}'): the prefix must start with '/' and not end with one, e.g. '/v2'`,
    )
  }
}

/** `staticFiles(prefix, dir)` given a folder that is not there, or not a folder, at declaration. */
export class StaticFilesDirectoryError extends TypefastError {
  constructor(prefix: string, dir: string, reason: string) {
    super(
      'TF_STATIC_FILES_DIRECTORY',
      `staticFiles('${prefix}', '${dir}'): ${reason}; pass a folder that exists where the app runs ` +
        '(a Worker has no file system: serve its assets from the platform, e.g. Workers Static Assets)',
    )
  }
}

/** An app mounted under itself. */
export class MountSelfError extends TypefastError {
  constructor(prefix: string) {
    super('TF_MOUNT_SELF', `app.mount('${prefix}'): an app cannot mount itself; mount a second app made by createApp()`)
  }
}

/** A route that declares both a JSON `body` and a `form` (it can read its body only one way). */
export class BodyAndFormError extends TypefastError {
  constructor(label: string) {
    super(
      'TF_BODY_AND_FORM',
      `${label}: a route reads its body as JSON (body) or as a form (form), not both; keep one ` +
        '(a dependency with a body counts too)',
    )
  }
}

/** Two different security schemes under one name: the OpenAPI document could hold only one. */
export class SecuritySchemeClashError extends TypefastError {
  constructor(label: string, name: string) {
    super(
      'TF_SECURITY_SCHEME_CLASH',
      `${label}: two different security schemes are named '${name}'; give one of them another schemeName`,
    )
  }
}

/** A server limit that is not a number >= 0. */
export class InvalidLimitError extends TypefastError {
  constructor(key: string, value: unknown) {
    super(
      'TF_INVALID_LIMIT',
      `Limit ${key} must be a number >= 0, got ${String(value)}; fix it in createApp({ ${key} }) or app.listen({ ${key} })`,
    )
  }
}

/** A log level pino does not know. */
export class UnknownLogLevelError extends TypefastError {
  constructor(level: string, source: string, known: readonly string[]) {
    super('TF_UNKNOWN_LOG_LEVEL', `Unknown log level '${level}' (from ${source}); use one of ${known.join(', ')}.`)
  }
}

/** `lifespan(fn)` whose generator yields no times or more than once. */
export class LifespanYieldError extends TypefastError {
  constructor(problem: 'never' | 'twice') {
    super(
      'TF_LIFESPAN_YIELD',
      problem === 'never'
        ? 'lifespan: the generator must yield once (its state, or nothing); add a `yield` between set-up and tear-down'
        : 'lifespan: the generator must yield only once; keep one `yield` between set-up and tear-down',
    )
  }
}

/** `lifespan(fn)` given something that is not a function. */
export class LifespanFunctionError extends TypefastError {
  constructor() {
    super(
      'TF_LIFESPAN_FUNCTION',
      'lifespan(fn): fn must be an async generator function: lifespan(async function* () { ...; yield state; ... })',
    )
  }
}

/** A security scheme option that cannot be written into a header or the OpenAPI document. */
export class SecurityOptionError extends TypefastError {
  constructor(message: string) {
    super('TF_SECURITY_OPTION', message)
  }
}

/** WebSocket routes need node:http's upgrade; a fetch handler has no standard one. */
export class FetchWebSocketError extends TypefastError {
  constructor(paths: readonly string[]) {
    super(
      'TF_FETCH_WEBSOCKET',
      `app.fetch cannot serve the WebSocket routes ${paths.join(', ')}: a web fetch handler has no upgrade. ` +
        'Serve this app with app.listen() (node:http), or move its WebSocket routes to an app that does.',
    )
  }
}
