// The deliberate differences from FastAPI, and only those: each is a predicate over
// (case, FastAPI's answer, typefast's answer), the answers as `comparable()` makes them, and the
// anchor of its section on docs/differences-from-fastapi.md. A difference one of these explains is
// counted apart; any other difference is a bug (a known gap, or a failure).

const page = 'docs/differences-from-fastapi.md'
const json = (answer) => answer.body.json
const methods = (allow) =>
  new Set(
    (allow ?? '')
      .split(',')
      .map((method) => method.trim())
      .filter(Boolean),
  )
const withSlashToggled = (url) => {
  const [path, query] = url.split(/(?=\?)/)
  const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
  return `http://testserver${toggled}${query ?? ''}`
}

/** `typefast` equals `fastapi` except where typefast wrote `[Redacted]` for a string. */
function equalButRedacted(fastapi, typefast) {
  if (typefast === '[Redacted]') return fastapi !== null && fastapi !== undefined
  if (Array.isArray(fastapi) || Array.isArray(typefast)) {
    return (
      Array.isArray(fastapi) &&
      Array.isArray(typefast) &&
      fastapi.length === typefast.length &&
      fastapi.every((element, i) => equalButRedacted(element, typefast[i]))
    )
  }
  if (fastapi && typefast && typeof fastapi === 'object' && typeof typefast === 'object') {
    const keys = Object.keys(fastapi)
    return (
      JSON.stringify(keys) === JSON.stringify(Object.keys(typefast)) &&
      keys.every((key) => equalButRedacted(fastapi[key], typefast[key]))
    )
  }
  return fastapi === typefast
}

export const deviations = [
  {
    id: 'head',
    anchor: `${page}#head-is-answered-on-get-routes`,
    // FastAPI's routes answer only the methods they declare: HEAD on a GET route is 405.
    applies: (request, fastapi, typefast) =>
      request.method === 'HEAD' && fastapi.status === 405 && typefast.status !== 405,
  },
  {
    id: 'trailing-slash',
    anchor: `${page}#a-trailing-slash-is-served-without-a-redirect`,
    // FastAPI answers 307 to the same URL with the slash added or removed; typefast serves it.
    applies: (request, fastapi, typefast) =>
      fastapi.status === 307 && typefast.status !== 307 && fastapi.headers.location === withSlashToggled(request.url),
  },
  {
    id: 'static-segments',
    anchor: `${page}#static-segments-win-whatever-the-order`,
    // Which route FastAPI picks depends on declaration order; a case marks the URL where the
    // sample declares the parameter route first. Both answer 200, from different routes.
    applies: (request, fastapi, typefast) =>
      request.deviation === 'static-segments' && fastapi.status === 200 && typefast.status === 200,
  },
  {
    id: '415',
    anchor: `${page}#415-for-a-content-type-the-route-does-not-read`,
    // FastAPI tries to read the body anyway and answers 422 (or reads a form as nothing).
    applies: (request, fastapi, typefast) =>
      typefast.status === 415 && fastapi.status !== 415 && contentType(request) !== undefined,
  },
  {
    id: 'json-500',
    anchor: `${page}#a-500-answers-json`,
    // FastAPI (Starlette's ServerErrorMiddleware) answers text/plain `Internal Server Error`.
    applies: (_request, fastapi, typefast) =>
      fastapi.status === 500 &&
      typefast.status === 500 &&
      fastapi.body.bytes === 'Internal Server Error' &&
      JSON.stringify(json(typefast)) === JSON.stringify({ detail: 'Internal Server Error' }),
  },
  {
    id: 'full-allow',
    anchor: `${page}#allow-names-every-method-of-the-path`,
    // FastAPI's 405 names only the first route matching the path; typefast names every method.
    applies: (_request, fastapi, typefast) => {
      if (fastapi.status !== 405 || typefast.status !== 405) return false
      if (JSON.stringify(fastapi.body) !== JSON.stringify(typefast.body)) return false
      const all = methods(typefast.headers.allow)
      return [...methods(fastapi.headers.allow)].every((method) => all.has(method))
    },
  },
  {
    id: 'redacted-secrets',
    anchor: `${page}#secrets-are-redacted-from-a-422s-input`,
    applies: (_request, fastapi, typefast) =>
      fastapi.status === 422 && typefast.status === 422 && equalButRedacted(json(fastapi), json(typefast)),
  },
  {
    id: 'big-integers',
    anchor: `${page}#integers-beyond-2-53-are-numbers-unless-asked`,
    // Python's int has no bound; a t.Integer() field is a JavaScript number, so beyond ±2^53 the
    // handler computes with the nearest one (bigInteger() keeps the value). The answers differ
    // only in those integers: each is written BIG in both before they are compared.
    applies: (request, fastapi, typefast) =>
      bigLiteral.test(`${request.url} ${request.body ?? ''} ${JSON.stringify(request.json ?? null)}`) &&
      fastapi.status === typefast.status &&
      withoutBigIntegers(fastapi.body) === withoutBigIntegers(typefast.body),
  },
  {
    id: 'non-finite',
    anchor: `${page}#non-finite-numbers-are-refused`,
    // FastAPI takes inf, nan and overflowing numbers (1e400) in a float field, then fails to write
    // them (500), answers without them, or refuses them by a bound (`nan > 0` is false); typefast
    // refuses each with 422 `finite_number`. The answer is explained when, each finite_number
    // entry standing for FastAPI's entry at its loc if there is one, the rest are FastAPI's errors.
    applies: (_request, fastapi, typefast) => {
      if (typefast.status !== 422 || !Array.isArray(json(typefast)?.detail)) return false
      const detail = json(typefast).detail
      const finite = detail.filter((entry) => entry.type === 'finite_number')
      if (finite.length === 0) return false
      if (fastapi.status !== 422) return finite.length === detail.length
      const at = (entry) => JSON.stringify(entry.loc)
      const refused = new Set(finite.map(at))
      const expected = json(fastapi).detail.filter((entry) => !refused.has(at(entry)))
      return JSON.stringify(detail.filter((entry) => entry.type !== 'finite_number')) === JSON.stringify(expected)
    },
  },
  {
    id: 'non-finite-json',
    anchor: `${page}#non-finite-numbers-are-refused`,
    // Python's json module reads NaN, Infinity and 1e400 in a body (as nan and inf); when one is
    // in a 422's `input`, FastAPI cannot write the answer and answers a text/plain 500, and where
    // the handler runs it answers it as null (a response model) or a 500. typefast answers its
    // 422 (JSON has no such numbers: `json_invalid` for NaN, the field's error else).
    applies: (request, fastapi, typefast) =>
      ((fastapi.status === 500 && fastapi.body.bytes === 'Internal Server Error') ||
        (fastapi.status >= 200 && fastapi.status < 300)) &&
      typefast.status === 422 &&
      nonFiniteLiteral.test(String(request.body ?? JSON.stringify(request.json ?? null))),
  },
  {
    id: 'prefix-slash',
    anchor: `${page}#a-prefixed-routers-root-path-has-no-trailing-slash`,
    // FastAPI's document lists `prefix + '/'` as '/items/' (operation id 'get_items_items__get');
    // typefast's as '/items'. The documents are equal once FastAPI's such paths lose the slash.
    applies: (_request, fastapi, typefast) =>
      fastapi.status === 200 &&
      typefast.status === 200 &&
      json(fastapi)?.openapi !== undefined &&
      JSON.stringify(withoutPrefixSlashes(json(fastapi))) === JSON.stringify(json(typefast)),
  },
  {
    id: 'non-finite-stored',
    anchor: `${page}#non-finite-numbers-are-refused`,
    // The client sample stores what it creates and numbers it: FastAPI stored the items with
    // Infinity it took earlier, typefast refused them, so FastAPI's later ids are higher.
    applies: (request, fastapi, typefast) =>
      request.page === 'client' &&
      fastapi.status === typefast.status &&
      json(fastapi)?.id > json(typefast)?.id &&
      JSON.stringify({ ...json(fastapi), id: 0 }) === JSON.stringify({ ...json(typefast), id: 0 }),
  },
  {
    id: 'mount-without-root-path',
    anchor: `${page}#a-mounted-app-answers-without-the-root-path`,
    // Starlette finds a mounted app's routes only under the root path: 404 without it.
    cases: [
      'mounting/main/the mounted users',
      'mounting/main/the mounted users with a trailing slash',
      "mounting/main/the mounted app's OpenAPI document",
      'mounting/main/POST to the mounted users',
    ],
    applies: (_request, fastapi) => fastapi.status === 404 && isNotFound(fastapi),
  },
  {
    id: 'host-case',
    anchor: `${page}#trustedhost-compares-host-names-in-any-case`,
    // Starlette's TrustedHostMiddleware compares the Host header case-sensitively.
    applies: (request, fastapi, typefast) =>
      /[A-Z]/.test(headerOf(request, 'host') ?? '') &&
      fastapi.status === 400 &&
      fastapi.body.bytes === 'Invalid host header' &&
      typefast.status === 200,
  },
  {
    id: 'gzip-q0',
    anchor: `${page}#a-gzip-quality-of-zero-is-honoured`,
    // Starlette's GZipMiddleware looks for 'gzip' in Accept-Encoding and ignores its quality.
    applies: (request, fastapi, typefast) =>
      /gzip\s*;\s*q=0(\.0*)?\s*(,|$)/i.test(headerOf(request, 'accept-encoding') ?? '') &&
      fastapi.headers['content-encoding'] === 'gzip' &&
      typefast.headers['content-encoding'] === undefined &&
      JSON.stringify({ ...fastapi, headers: {} }) === JSON.stringify({ ...typefast, headers: {} }),
  },
  {
    id: 'joined-header',
    anchor: `${page}#middleware-reads-a-repeated-header-joined`,
    // Starlette's `request.headers[name]` is the first of repeated lines; Node joins them with ', '.
    cases: ['middleware/router-middleware/stats with the token repeated'],
    applies: (request) => Object.values(request.headers ?? {}).some((value) => Array.isArray(value)),
  },
  {
    id: 'unknown-method',
    anchor: `${page}#an-unknown-method-answers-400`,
    // Node's parser knows a fixed list of methods: another is a 400 before any route is looked at.
    applies: (request, fastapi, typefast) =>
      !KNOWN_METHODS.has(request.method) &&
      fastapi.status === 405 &&
      typefast.status === 400 &&
      JSON.stringify(json(typefast)) === JSON.stringify({ detail: 'Bad Request' }),
  },
  {
    id: 'root-slashes',
    anchor: `${page}#a-trailing-slash-is-served-without-a-redirect`,
    // '//' is '/' with a trailing slash, so it is served; FastAPI redirects no root and finds no '//'.
    applies: (request, fastapi, typefast) => request.url === '//' && isNotFound(fastapi) && typefast.status === 200,
  },
  {
    id: 'url-too-long',
    anchor: `${page}#a-url-longer-than-maxurllength-answers-414`,
    // uvicorn serves the URL; the deployment sample sets `maxUrlLength: 4096` (default 8 KiB): 414 beyond.
    applies: (request, _fastapi, typefast) =>
      request.url.length > 4096 &&
      typefast.status === 414 &&
      JSON.stringify(json(typefast)) === JSON.stringify({ detail: 'URI Too Long' }),
  },
  {
    id: 'part-content-type',
    anchor: `${page}#a-file-part-without-a-content-type-is-text-plain`,
    // python-multipart leaves a part without Content-Type at None; typefast reads RFC 7578's default.
    applies: (_request, fastapi, typefast) =>
      json(fastapi)?.contentType === null &&
      json(typefast)?.contentType === 'text/plain' &&
      JSON.stringify({ ...json(fastapi), contentType: null }) ===
        JSON.stringify({ ...json(typefast), contentType: null }),
  },
  {
    id: 'several-ranges',
    anchor: `${page}#several-byte-ranges-get-the-whole-file`,
    // Starlette answers `Range: bytes=0-1,3-4` with 206 multipart/byteranges; typefast with the file.
    applies: (request, fastapi, typefast) =>
      (headerOf(request, 'range') ?? '').includes(',') &&
      fastapi.status === 206 &&
      fastapi.headers['content-type']?.startsWith('multipart/byteranges') &&
      typefast.status === 200,
  },
]

/**
 * The deliberate differences in the OpenAPI document, each a predicate over an operation's unit
 * (the operation and the components it references) in FastAPI's and typefast's documents.
 */
export const operationDeviations = [
  {
    id: 'prefix-slash',
    anchor: `${page}#a-prefixed-routers-root-path-has-no-trailing-slash`,
    // An operation at `prefix + '/'`: FastAPI's '/items/' and typefast's '/items' are one unit
    // each, only in one document; each must be the other once FastAPI's loses the slash.
    applies: (fastapi, typefast, { unit, fastapiUnits, typefastUnits }) => {
      const [method, path] = unit.split(' ')
      if (fastapi !== undefined && typefast === undefined && path.endsWith('/') && path !== '/') {
        const ours = typefastUnits.get(`${method} ${path.slice(0, -1)}`)
        return ours !== undefined && sameWithoutSlash(fastapi, ours, method)
      }
      if (fastapi === undefined && typefast !== undefined && !fastapiUnits.has(`${method} ${path}`)) {
        const theirs = fastapiUnits.get(`${method} ${path}/`)
        return theirs !== undefined && sameWithoutSlash(theirs, typefast, method)
      }
      return false
    },
  },
  {
    id: 'stream-item-schema',
    anchor: `${page}#json-lines-items-are-documented-under-schema`,
    // FastAPI 0.142.2 documents a streamed item under `itemSchema`, an OpenAPI 3.2 keyword a 3.1
    // document may not hold; typefast writes it under `schema`. The units must be the same once
    // typefast's is written FastAPI's way.
    applies: (fastapi, typefast) => {
      if (fastapi === undefined || typefast === undefined) return false
      let moved = false
      const asFastapi = JSON.parse(JSON.stringify(typefast), (key, value) => {
        if (key !== 'content' || value === null || typeof value !== 'object') return value
        return Object.fromEntries(
          Object.entries(value).map(([type, media]) => {
            if (!streamed.has(type) || !('schema' in media)) return [type, media]
            moved = true
            const { schema, ...rest } = media
            return [type, { ...rest, itemSchema: schema }]
          }),
        )
      })
      return moved && JSON.stringify(asFastapi) === JSON.stringify(fastapi)
    },
  },
]

/** FastAPI's document with each `prefix + '/'` path written without the slash, as typefast writes it. */
function withoutPrefixSlashes(doc) {
  const paths = Object.entries(doc.paths ?? {}).map(([path, item]) => {
    const bare = path.slice(0, -1)
    if (path === '/' || !path.endsWith('/') || bare in doc.paths) return [path, item]
    return [bare, Object.fromEntries(Object.entries(item).map(([method, op]) => [method, withoutSlashId(op, method)]))]
  })
  return { ...doc, paths: Object.fromEntries(paths) }
}

const sameWithoutSlash = (fastapi, typefast, method) =>
  JSON.stringify({ ...fastapi, operation: withoutSlashId(fastapi.operation, method.toLowerCase()) }) ===
  JSON.stringify(typefast)

/** FastAPI's operation id has the path's slash as a '_': 'get_items_items__get' is 'get_items_items_get'. */
const withoutSlashId = (operation, method) =>
  typeof operation?.operationId === 'string' && operation.operationId.endsWith(`__${method}`)
    ? { ...operation, operationId: `${operation.operationId.slice(0, -method.length - 2)}_${method}` }
    : operation

const isNotFound = (answer) =>
  answer.status === 404 && JSON.stringify(json(answer)) === JSON.stringify({ detail: 'Not Found' })

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT'])

function headerOf(request, name) {
  const entry = Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name)
  return entry?.[1]
}

/** The media types whose items FastAPI documents under `itemSchema`. */
const streamed = new Set(['application/jsonl', 'text/event-stream'])

/** An integer of 16 digits or more: where one beyond 2^53 may be. */
const bigLiteral = /\d{16}/
const withoutBigIntegers = (body) => JSON.stringify(body).replace(/-?\d{16,}/g, 'BIG')

/** A number JSON cannot hold, as Python's json module reads it: NaN, Infinity, or beyond a double. */
const nonFiniteLiteral = /\bNaN\b|\bInfinity\b|\d[eE]\+?[3-9]\d\d\b/

function contentType(request) {
  if (request.json !== undefined) return 'application/json'
  return headerOf(request, 'content-type')
}

/**
 * The deviation that explains the whole difference between two answers, if one does. One that
 * lists its `cases` explains only those (and still checks FastAPI's answer is the one documented).
 */
export const deviationFor = (request, fastapi, typefast) =>
  deviations.find(
    (deviation) =>
      (deviation.cases === undefined || deviation.cases.includes(request.id)) &&
      deviation.applies(request, fastapi, typefast),
  )
