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
]

/**
 * The deliberate differences in the OpenAPI document, each a predicate over an operation's unit
 * (the operation and the components it references) in FastAPI's and typefast's documents.
 */
export const operationDeviations = [
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

/** The media types whose items FastAPI documents under `itemSchema`. */
const streamed = new Set(['application/jsonl', 'text/event-stream'])

/** An integer of 16 digits or more: where one beyond 2^53 may be. */
const bigLiteral = /\d{16}/
const withoutBigIntegers = (body) => JSON.stringify(body).replace(/-?\d{16,}/g, 'BIG')

/** A number JSON cannot hold, as Python's json module reads it: NaN, Infinity, or beyond a double. */
const nonFiniteLiteral = /\bNaN\b|\bInfinity\b|\d[eE]\+?[3-9]\d\d\b/

function contentType(request) {
  if (request.json !== undefined) return 'application/json'
  const entry = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')
  return entry?.[1]
}

/** The deviation that explains the whole difference between two answers, if one does. */
export const deviationFor = (request, fastapi, typefast) =>
  deviations.find((deviation) => deviation.applies(request, fastapi, typefast))
