import { isUtf8 } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import { jsonInvalidError, markBigIntegers, mayHoldBigIntegers, reviveBigIntegers } from '@typefast/validation'
import secureJson from 'secure-json-parse'
import { HTTPException, RequestValidationError } from './http-exception.js'
import { excessiveNesting } from './json-depth.js'
import { describeJsonError } from './json-error.js'

/** `application/json`, `application/problem+json`, ... with or without parameters. */
const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** True when the content type (or its absence, as FastAPI allows) means a JSON body. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType === undefined || contentType === '' || jsonMediaType.test(contentType)
}

/** Read the whole body, answering 413 as soon as it is known to be over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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
 * Parse a JSON body. `__proto__` and `constructor.prototype` keys are dropped, so a payload
 * can never reach Object.prototype. An empty body is `undefined` (FastAPI: the body is missing).
 */
export function parseJsonBody(
  bytes: Buffer,
  contentType: string | undefined,
  maxDepth = 0,
  bigIntegers = false,
): unknown {
  if (!isJsonContentType(contentType)) throw new HTTPException(415, 'Unsupported Media Type')
  if (bytes.length === 0) return undefined
  // Invalid UTF-8 is malformed JSON (RFC 8259), not text to repair silently; simdutf checks it.
  if (!isUtf8(bytes)) throw new RequestValidationError([jsonInvalidError(0, 'Invalid UTF-8')])
  const text = bytes.toString('utf8')
  if (maxDepth > 0) {
    const at = excessiveNesting(text, maxDepth)
    if (at !== -1) throw new RequestValidationError([jsonInvalidError(at, `Nesting deeper than ${maxDepth}`)])
  }
  try {
    const options = { protoAction: 'remove', constructorAction: 'remove' } as const
    const value = secureJson.parse(text, undefined, options)
    // A body whose schema has integers keeps those beyond 2^53 exact, as bigints.
    if (!bigIntegers || !mayHoldBigIntegers(text)) return value
    return secureJson.parse(markBigIntegers(text), reviveBigIntegers, options)
  } catch (error) {
    const { position, error: reason } = describeJsonError((error as Error).message, text)
    throw new RequestValidationError([jsonInvalidError(position, reason)])
  }
}
