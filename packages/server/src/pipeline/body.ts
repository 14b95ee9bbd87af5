import { isUtf8 } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import { jsonInvalidError, markBigIntegers, mayHoldBigIntegers, reviveBigIntegers } from '@typefast/validation/internal'
import secureJson from 'secure-json-parse'
import { HTTPException, RequestValidationError } from '../exceptions/http-exception.js'
import { absent, type BodyInput } from './body-input.js'
import { excessiveNesting } from './json-depth.js'
import { describeJsonError } from './json-error.js'

/** `application/json`, `application/problem+json`, ... with or without parameters. */
const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** True when the content type is JSON's (as FastAPI tells it: `application/json` or `application/*+json`). */
export function isJsonContentType(contentType: string): boolean {
  return jsonMediaType.test(contentType)
}

/** A request with no node stream behind it (app.fetch's request head): it reads its body itself. */
interface WholeBodySource {
  readWhole(limit: number): Promise<Buffer>
}

/** Read the whole body, answering 413 as soon as it is known to be over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const source = req as Partial<WholeBodySource>
  if (source.readWhole !== undefined) return source.readWhole(limit)
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) {
    req.resume() // drain, so the connection can still carry the answer
    return Promise.reject(new HTTPException(413))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new HTTPException(413))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Read a route's JSON body as FastAPI does: no bytes is an absent body (whatever the content
 * type), a body without a content type is validated as its text, a JSON one parsed, any other
 * answers 415 (FastAPI would validate its text and answer 422: a documented difference).
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined, maxDepth: number, input: BodyInput) {
  if (bytes.length === 0) return input.json(absent)
  if (contentType === undefined || contentType === '') return input.text(bytes.toString('utf8'))
  if (!isJsonContentType(contentType)) throw new HTTPException(415, 'Unsupported Media Type')
  return input.json(parseJsonBody(bytes, maxDepth))
}

const guarded = { protoAction: 'remove', constructorAction: 'remove' } as const

/**
 * True when a JSON text needs secure-json-parse: it may hold a `__proto__` or `constructor` key
 * (written out or with `\\u` escapes), or starts with a BOM (which it skips). The common body is
 * settled by these native scans, cheaper than its two patterns.
 */
function needsGuard(text: string): boolean {
  return (
    text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.charCodeAt(0) === 0xfeff
  )
}

/**
 * Parse a JSON body. `__proto__` and `constructor.prototype` keys are dropped, so a payload
 * can never reach Object.prototype.
 */
function parseJsonBody(bytes: Buffer, maxDepth: number): unknown {
  // Invalid UTF-8 cannot be decoded to JSON text: FastAPI's 400; simdutf checks it.
  if (!isUtf8(bytes)) throw new HTTPException(400, 'There was an error parsing the body')
  const text = bytes.toString('utf8')
  if (maxDepth > 0) {
    const at = excessiveNesting(text, maxDepth)
    if (at !== -1) throw new RequestValidationError([jsonInvalidError(at, `Nesting deeper than ${maxDepth}`)])
  }
  try {
    const value = needsGuard(text) ? secureJson.parse(text, undefined, guarded) : JSON.parse(text)
    // Integers beyond 2^53 are read exactly, as bigints: a 422 shows them as sent, and the
    // validator rounds them to numbers but for bigInteger() fields.
    if (!mayHoldBigIntegers(text)) return value
    return secureJson.parse(markBigIntegers(text), reviveBigIntegers, guarded)
  } catch (error) {
    const { position, error: reason } = describeJsonError((error as Error).message, text)
    throw new RequestValidationError([jsonInvalidError(position, reason)])
  }
}
