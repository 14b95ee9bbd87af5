import type { IncomingMessage, ServerResponse } from 'node:http'
import { accessWriterOf, type Logger } from './logger.js'

// The access log: one line per request at level info, as uvicorn writes, in pino's shape:
// {"reqId":…,"method":"GET","url":"/items?q=…","status":200,"duration":0.41,"msg":"request completed"}.
// Per request it costs a timestamp, one 'close' listener (a shared function, no closure) and the line.

const kStart = Symbol('typefast.start')
type Timed = ServerResponse & { [kStart]: number }

/** Query parameters whose values never reach the log. */
const secretQuery = /([?&](?:password|passwd|pwd|secret|token|access_token|refresh_token|api_key|apikey)=)[^&#]*/gi

/** The URL as logged: values of secret-looking query parameters replaced by [Redacted]. */
export function redactUrl(url: string): string {
  return url.indexOf('?') === -1 ? url : url.replace(secretQuery, '$1[Redacted]')
}

let counter = 0

/**
 * The request's id: the `x-request-id` answered (the requestId() middleware sets it) or sent by
 * the client or proxy, when sane; else a per-process counter.
 */
function requestId(res: ServerResponse): string | number {
  const given = res.getHeader('x-request-id') ?? res.req.headers['x-request-id']
  return typeof given === 'string' && given.length > 0 && given.length <= 200 ? given : ++counter
}

/**
 * Start the access log for one request; undefined when the logger would drop info lines anyway
 * (decided once, at start-up).
 */
export function accessLogger(logger: Logger): ((req: IncomingMessage, res: ServerResponse) => void) | undefined {
  if (logger.isLevelEnabled?.('info') === false) return undefined
  const write = accessWriterOf(logger)
  function onClose(this: Timed): void {
    const req = this.req
    write({
      reqId: requestId(this),
      method: req.method!,
      url: redactUrl(req.url!),
      status: this.statusCode,
      duration: Math.round((performance.now() - this[kStart]) * 100) / 100,
      aborted: !this.writableFinished,
    })
  }
  return (_req, res) => {
    const timed = res as Timed
    timed[kStart] = performance.now()
    res.on('close', onClose) // a response closes once; `once` would allocate a wrapper
  }
}
