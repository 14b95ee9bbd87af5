import { gunzipSync } from 'node:zlib'

// How two answers, and two OpenAPI documents, are compared. Every normalisation is here, each
// with its reason; nothing else is changed before comparing.

/** The headers compared, as the issue names them. */
export const COMPARED_HEADERS = ['content-type', 'allow', 'www-authenticate', 'location']

/**
 * NORMALISATION 1: each server's own origin (`http://127.0.0.1:<port>`) is replaced by
 * `http://testserver` in headers and bodies. The two listen on different ports, so an absolute
 * URL (a redirect's `location`, a URL echoed in a body) differs by the port alone.
 */
const withoutOrigin = (text, origin) => text.split(origin).join('http://testserver')

/**
 * NORMALISATION 2: each server's process id, written as a JSON field `"pid":<n>`, becomes
 * `"pid":0`: the deployment sample's health check reports it, and the two are two processes.
 */
const withoutPid = (text, pid) => text.split(`"pid":${pid}`).join('"pid":0')

const normalised = (text, server) => withoutPid(withoutOrigin(text, server.origin), server.pid)

/**
 * JSON parsed without losing what a client would see. NORMALISATION 3: numbers are compared by
 * value, not by spelling: Python writes a float 2 as `2.0`, JavaScript as `2`, and both are the
 * same JSON number to every client. Integers keep every digit (compared as BigInt text), so
 * 9007199254740993 and 9007199254740992 still differ. Key order is kept.
 */
export function parseJsonExactly(text) {
  const numberToken = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g
  const tagged = text.replace(numberToken, (token) =>
    token.startsWith('"') ? token : JSON.stringify(`\u0000number:${canonicalNumber(token)}`),
  )
  return JSON.parse(tagged)
}

function canonicalNumber(token) {
  if (/^-?\d+$/.test(token)) return BigInt(token).toString()
  return String(Number(token))
}

const isJsonType = (type) => /^application\/(?:[\w.+-]+\+)?json\b/.test(type ?? '')

/**
 * NORMALISATION 5: a gzip-encoded body is compared decompressed, and its `content-encoding` is
 * compared beside it. Two zlib builds (Python's, Node's) compress the same bytes differently;
 * what a client reads is the decompressed body.
 */
function decoded(answer) {
  if (answer.headers['content-encoding'] !== 'gzip' || answer.body.length === 0) return answer.body
  try {
    return gunzipSync(answer.body)
  } catch {
    return answer.body
  }
}

/** What of an answer is compared, as one plain object (also what a known gap records). */
export function comparable(answer, server) {
  const headers = {}
  for (const name of COMPARED_HEADERS) {
    const value = answer.headers[name]
    if (value !== undefined) headers[name] = normalised(String(value), server)
  }
  const encoding = answer.headers['content-encoding']
  if (encoding !== undefined) headers['content-encoding'] = String(encoding)
  answer = { ...answer, body: decoded(answer) }
  const text = normalised(answer.body.toString('utf8'), server)
  let body
  if (isJsonType(answer.headers['content-type']) && text !== '') {
    try {
      body = { json: parseJsonExactly(text) }
    } catch {
      body = { bytes: text }
    }
  } else {
    // Non-JSON bodies are compared byte for byte (as latin-1 text when not UTF-8, so binary
    // bodies compare exactly too).
    body = { bytes: Buffer.from(text, 'utf8').equals(answer.body) ? text : answer.body.toString('latin1') }
  }
  return { status: answer.status, headers, contentLength: answer.headers['content-length'] !== undefined, body }
}

/** The names of what differs between two comparables (`status`, `header content-type`, `body`...). */
export function differences(fastapi, typefast) {
  const found = []
  if (fastapi.status !== typefast.status) found.push('status')
  for (const name of [...COMPARED_HEADERS, 'content-encoding']) {
    if (fastapi.headers[name] !== typefast.headers[name]) found.push(`header ${name}`)
  }
  if (fastapi.contentLength !== typefast.contentLength) found.push('content-length sent')
  if (JSON.stringify(fastapi.body) !== JSON.stringify(typefast.body)) found.push('body')
  return found
}

/**
 * NORMALISATION 4: OpenAPI objects are compared with their keys sorted. A document is read by
 * tools, never by position; pydantic and typefast write the same keys in different orders.
 * Array order is kept (parameters, `required`, `enum` and `anyOf` order are meaningful).
 */
export function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  )
}

/** The components an object references, transitively, as `{ "schemas/Item": {...} }`. */
function referencedComponents(doc, root) {
  const found = {}
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    for (const [key, element] of Object.entries(value)) {
      if (key === '$ref' && typeof element === 'string' && element.startsWith('#/components/')) {
        const name = element.slice('#/components/'.length)
        if (name in found) continue
        const [kind, ...rest] = name.split('/')
        found[name] = doc.components?.[kind]?.[rest.join('/')] ?? null
        visit(found[name])
      } else visit(element)
    }
  }
  visit(root)
  return found
}

/**
 * NORMALISATION 4: an app created without a title is titled after its framework, "FastAPI" by
 * FastAPI and "typefast" by typefast; both become "(default title)". A title a sample sets is
 * compared as it is.
 */
function withoutDefaultTitle(head) {
  const title = head.info?.title
  if (title !== 'FastAPI' && title !== 'typefast') return head
  return { ...head, info: { ...head.info, title: '(default title)' } }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/**
 * The units of an OpenAPI document, each compared on its own: every operation (`GET /items/`)
 * with the components it references (its security schemes too: they are what `security` names),
 * and `document`, the rest of the document (openapi, info, tags, servers, webhooks) where the
 * metadata pages show their work.
 */
export function openapiUnits(doc) {
  const units = new Map()
  if (doc === undefined) return units
  const { paths = {}, components, ...head } = doc
  units.set('document', sortedKeys(withoutDefaultTitle(head)))
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (operation === undefined) continue
      const schemes = {}
      for (const requirement of operation.security ?? []) {
        for (const name of Object.keys(requirement)) {
          schemes[`securitySchemes/${name}`] = components?.securitySchemes?.[name] ?? null
        }
      }
      const withParameters = { ...operation, parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])] }
      if (withParameters.parameters.length === 0) delete withParameters.parameters
      units.set(
        `${method.toUpperCase()} ${path}`,
        sortedKeys({
          operation: withParameters,
          components: { ...referencedComponents(doc, withParameters), ...schemes },
        }),
      )
    }
  }
  return units
}

/** Where two units differ, as a short description naming the first differing keys. */
export function unitDifferences(fastapi, typefast) {
  if (fastapi === undefined) return ['only in typefast']
  if (typefast === undefined) return ['only in FastAPI']
  const found = []
  const walk = (a, b, at) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return
    const objects = a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)
    if (!objects || at.split('.').length > 6) return found.push(at || '(root)')
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], at ? `${at}.${key}` : key)
  }
  walk(fastapi, typefast, '')
  return found
}
