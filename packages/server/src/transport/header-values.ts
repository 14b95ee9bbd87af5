import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http'

// A user's input that reaches a response header (a redirect target, a file name, a value a
// handler echoes) must neither inject a header nor turn the answer into a 500. node refuses a
// value with CR, LF or another control character (ERR_INVALID_CHAR); here such characters are
// percent-encoded instead, as Starlette does for a redirect's location.

/** Characters node refuses in a header value. */
const invalidInValue = /[^\t\x20-\x7e\x80-\xff]/g
/** The same, to test for: `replace` with a global pattern costs twice a `test` even when nothing matches. */
const anyInvalidInValue = new RegExp(invalidInValue.source)

function percentEncode(char: string): string {
  let encoded = ''
  for (const byte of Buffer.from(char)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  return encoded
}

/** `value` with the characters node refuses percent-encoded (their UTF-8 bytes). */
export function safeHeaderValue(value: string): string {
  return anyInvalidInValue.test(value) ? value.replace(invalidInValue, percentEncode) : value
}

/** Characters Starlette's RedirectResponse leaves as they are (`quote(url, safe=...)`). */
const unsafeInLocation = /[^A-Za-z0-9_.\-~:/%#?=@[\]!$&'()*+,;]/gu

/** A redirect target as Starlette writes it: every other character percent-encoded. */
export function quoteLocation(location: string): string {
  return location.replace(unsafeInLocation, percentEncode)
}

function safeHeader(value: OutgoingHttpHeader | undefined): OutgoingHttpHeader | undefined {
  if (typeof value === 'string') return safeHeaderValue(value)
  if (Array.isArray(value)) return value.map(safeHeaderValue)
  return value
}

function safeHeaders(headers: OutgoingHttpHeaders | OutgoingHttpHeader[]): OutgoingHttpHeaders | OutgoingHttpHeader[] {
  if (Array.isArray(headers)) return headers.map((entry, i) => (i % 2 === 1 ? safeHeader(entry)! : entry))
  const safe: OutgoingHttpHeaders = {}
  for (const name in headers) safe[name] = safeHeader(headers[name])
  return safe
}

type WriteHead = (...args: unknown[]) => ServerResponse

/** `writeHead` that percent-encodes refused characters and writes the head again, rather than throwing. */
function safely(writeHead: WriteHead, res: ServerResponse, args: unknown[]): ServerResponse {
  try {
    return writeHead.apply(res, args)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_INVALID_CHAR') throw error
    const safe = args.map((arg) =>
      typeof arg === 'object' && arg !== null ? safeHeaders(arg as OutgoingHttpHeaders | OutgoingHttpHeader[]) : arg,
    )
    return writeHead.apply(res, safe)
  }
}

/** Set on responses whose `writeHead` is already safe. */
const safeHead = Symbol('typefast.safeHeaderValues')

/**
 * A ServerResponse class whose `writeHead` percent-encodes refused characters in header values
 * and writes the head again, rather than throwing. Only an answer that holds one pays.
 */
export function withSafeHeaderValues(Base: typeof ServerResponse): typeof ServerResponse {
  const writeHead = Base.prototype.writeHead as WriteHead
  class SafeHeaderResponse extends Base {
    // writeHead's overloads, passed through as they are
    override writeHead(...args: any[]): this {
      return safely(writeHead, this, args) as this
    }
  }
  Object.defineProperty(SafeHeaderResponse.prototype, safeHead, { value: true })
  return SafeHeaderResponse as typeof ServerResponse
}

/**
 * The same for a response of another server (`app.handler` on the user's own node:http server,
 * `app.inject`): its `writeHead` is wrapped on the instance. A response of `app.listen`'s server
 * is already safe and costs one property read.
 */
export function ensureSafeHeaderValues(res: ServerResponse): void {
  if ((res as unknown as Record<symbol, unknown>)[safeHead] === true) return
  const writeHead = res.writeHead as WriteHead
  res.writeHead = ((...args: unknown[]) => safely(writeHead, res, args)) as ServerResponse['writeHead']
  Object.defineProperty(res, safeHead, { value: true })
}
