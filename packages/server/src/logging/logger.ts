import { hostname } from 'node:os'
// pino's Node build by its path: bundlers for Workers (wrangler) take the package's `browser` field
// otherwise, a console logger without destinations or redaction. The Node build runs on Workers.
import { pino } from 'pino/pino.js'
import { UnknownLogLevelError } from '../errors.js'

/**
 * The logging surface typefast writes to: pino's (object, message) signature, so a pino logger
 * (or a child of one) fits as it is.
 */
export interface Logger {
  error(details: object, message: string): void
  warn(details: object, message: string): void
  info(details: object, message: string): void
  debug?(details: object, message: string): void
  /** When present and false for 'info', the access log is skipped entirely (decided at start-up). */
  isLevelEnabled?(level: string): boolean
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface LoggerOptions {
  /** Lowest level written. Default: the LOG_LEVEL environment variable, else 'info'. */
  level?: LogLevel
  /** More paths to redact, in pino's syntax (`'body.card.number'`, `'*.token'`). */
  redact?: string[]
  /** Where lines go; default stdout, written asynchronously in batches (flushed on exit). */
  destination?: pino.DestinationStream
}

/** What never reaches the log: credentials in headers, cookies, and password fields. */
export const redactedPaths: readonly string[] = [
  'authorization',
  'cookie',
  'password',
  '*.password',
  '*.*.password',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["proxy-authorization"]',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["proxy-authorization"]',
  '*.headers["x-api-key"]',
]

const levels = new Set<string>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** The level from `level`, else LOG_LEVEL, else 'info'; an unknown name is a start-up error. */
export function resolveLogLevel(level: string | undefined, env: NodeJS.ProcessEnv = process.env): LogLevel {
  const chosen = (level ?? env.LOG_LEVEL ?? 'info').toLowerCase()
  if (!levels.has(chosen)) {
    throw new UnknownLogLevelError(chosen, level ? 'logLevel' : 'LOG_LEVEL', [...levels])
  }
  return chosen as LogLevel
}

let stdout: pino.DestinationStream | undefined

/**
 * One stdout stream per process, shared by every default logger: lines are written in batches of
 * 4 KiB (a write per line would cost a busy server a sixth of its throughput), at least once a
 * second, and synchronously on exit (pino's destination registers that). The flush timer starts
 * with the first line, not when an app is created: Workers allow timers only inside a handler,
 * and an app is created as its module loads.
 */
function sharedStdout(): pino.DestinationStream {
  if (stdout === undefined) {
    const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 })
    const write = stream.write.bind(stream)
    stream.write = (line: string) => {
      stream.write = write
      setInterval(() => {
        try {
          stream.flush()
        } catch {
          // the stream is closed: nothing left to write
        }
      }, 1000).unref()
      return write(line)
    }
    stdout = stream
  }
  return stdout
}

/**
 * typefast's default logger: pino, JSON lines, errors serialized with their stack (the log is
 * private; clients never see a stack), Authorization, cookies and passwords redacted.
 */
export function createLogger(options: LoggerOptions = {}): pino.Logger {
  const destination = options.destination ?? sharedStdout()
  const logger = pino(
    {
      level: resolveLogLevel(options.level),
      redact: { paths: [...redactedPaths, ...(options.redact ?? [])], censor: '[Redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  )
  Object.defineProperty(logger, kAccessWriter, { value: accessLineWriter(destination) })
  return logger
}

/** The fields of one access log line; all typefast's own, the URL already redacted. */
export interface AccessLine {
  reqId: string | number
  /** a method node's parser accepted: a token, nothing to escape */
  method: string
  url: string
  status: number
  duration: number
  aborted: boolean
}

export type AccessWriter = (line: AccessLine) => void

const kAccessWriter = Symbol('typefast.accessWriter')

/**
 * The line pino would write for `logger.info(line, 'request completed')`, built by a template:
 * its fields are known, so neither pino's generic serializer nor its redaction pass (which
 * together cost more than the rest of a small request) is needed.
 */
function accessLineWriter(destination: pino.DestinationStream): AccessWriter {
  const base = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`
  return (line) => {
    const reqId = typeof line.reqId === 'number' ? line.reqId : JSON.stringify(line.reqId)
    const end = line.aborted ? ',"aborted":true,"msg":"request aborted"}\n' : ',"msg":"request completed"}\n'
    destination.write(
      `{"level":30,"time":${Date.now()}${base},"reqId":${reqId},"method":"${line.method}","url":${JSON.stringify(line.url)},"status":${line.status},"duration":${line.duration}${end}`,
    )
  }
}

/** How the access log writes its line to `logger`: the template for typefast's own, else `logger.info`. */
export function accessWriterOf(logger: Logger): AccessWriter {
  const own = (logger as { [kAccessWriter]?: AccessWriter })[kAccessWriter]
  if (own !== undefined) return own
  return ({ aborted, ...fields }) =>
    aborted ? logger.info({ ...fields, aborted }, 'request aborted') : logger.info(fields, 'request completed')
}

/** One JSON line on stderr per event, the error's stack included; no redaction. */
export const consoleLogger: Logger = {
  error: (details, message) => console.error(JSON.stringify({ level: 'error', message, ...serializable(details) })),
  warn: (details, message) => console.warn(JSON.stringify({ level: 'warn', message, ...serializable(details) })),
  info: (details, message) => console.info(JSON.stringify({ level: 'info', message, ...serializable(details) })),
}

function serializable(details: object): object {
  const error = (details as { err?: unknown }).err
  if (!(error instanceof Error)) return details
  return { ...details, err: { name: error.name, message: error.message, stack: error.stack } }
}
