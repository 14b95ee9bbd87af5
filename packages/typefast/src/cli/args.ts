import { parseArgs } from 'node:util'
import type { BuildOptions } from './build.js'
import {
  DevWorkersError,
  InvalidIntegerOptionError,
  MisplacedOptionError,
  MissingAppModuleError,
  UnexpectedArgumentError,
  UnknownCommandError,
} from './errors.js'

export interface RunOptions {
  /** The module and, after a colon, the export holding the app: `app.ts`, `src/main.ts:api`. */
  target: string
  host: string
  port: number
  /** Processes serving the port (node:cluster); 1 serves from this process. */
  workers: number
  /** Milliseconds requests in flight get to finish once a shutdown signal arrives; default: the app's (10 s). */
  shutdownTimeout: number | undefined
  /** false turns the access log off; undefined keeps the app's choice. */
  accessLog: false | undefined
  logLevel: string | undefined
  /** The output directory of `typefast build` to compile from (run only). */
  compiled: string | undefined
}

export type Command =
  | { command: 'run' | 'dev'; options: RunOptions }
  | { command: 'build'; options: BuildOptions }
  | { command: 'help'; text: string }

export const usage = `Usage:
  typefast dev <app.ts[:export]> [--host 127.0.0.1] [--port 8000]
      Run the app from its TypeScript source, restarting when a file changes.
  typefast run <app.ts|app.js[:export]> [--host 127.0.0.1] [--port 8000] [--workers 1]
      Serve in production: N worker processes share the port, a dead worker is replaced,
      SIGTERM or SIGINT shut down gracefully (a second signal forces the exit).
  typefast build <app.ts|app.js[:export]> [--out build]
      Compile the app ahead of time: its validators, serializers, dependency plans and OpenAPI
      document into DIR/typefast-build.mjs, and DIR/openapi.json. Serve it with --compiled DIR.

Options:
  --host <host>               Address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --port <port>               Port to bind (default 8000; 0 picks a free one)
  --workers <n>               Worker processes (run only; default 1)
  --compiled <dir>            Compile nothing at start-up: take the code from typefast build's DIR (run only)
  --out <dir>                 Where typefast build writes (default build)
  --shutdown-timeout <ms>     Time requests in flight get on shutdown (default 10000; dev 1000)
  --log-level <level>         fatal, error, warn, info, debug, trace or silent (default LOG_LEVEL, else info)
  --no-access-log             No log line per request
  -h, --help                  This help

The module exports the app as \`app\` or as its default export, or names it after a colon.`

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min) throw new InvalidIntegerOptionError(name, text, min)
  return value
}

/** Parse the command line; a mistake throws with a message that says what to write instead. */
export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      workers: { type: 'string' },
      'shutdown-timeout': { type: 'string' },
      'log-level': { type: 'string' },
      'no-access-log': { type: 'boolean' },
      compiled: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, target, ...rest] = positionals
  if (values.help || command === undefined || command === 'help') return { command: 'help', text: usage }
  if (command !== 'run' && command !== 'dev' && command !== 'build') throw new UnknownCommandError(command, usage)
  if (target === undefined) throw new MissingAppModuleError(command)
  if (rest.length > 0) throw new UnexpectedArgumentError(rest[0]!, usage)
  if (command === 'build') {
    const given = Object.keys(values).find((name) => name !== 'out')
    if (given !== undefined) throw new MisplacedOptionError(given, command, 'it takes --out only.')
    return { command, options: { target, out: values.out ?? 'build' } }
  }
  if (values.out !== undefined) throw new MisplacedOptionError('out', command, 'it is an option of typefast build.')
  const dev = command === 'dev'
  if (dev && values.workers !== undefined) throw new DevWorkersError()
  if (dev && values.compiled !== undefined)
    throw new MisplacedOptionError(
      'compiled',
      command,
      'dev compiles as it reloads; serve a build with typefast run --compiled DIR.',
    )
  return {
    command,
    options: {
      target,
      host: values.host ?? '127.0.0.1',
      port: integer('port', values.port, 8000, 0),
      workers: integer('workers', values.workers, 1, 1),
      shutdownTimeout:
        values['shutdown-timeout'] !== undefined || dev
          ? integer('shutdown-timeout', values['shutdown-timeout'], 1_000, 0)
          : undefined,
      accessLog: values['no-access-log'] ? false : undefined,
      logLevel: values['log-level'],
      compiled: values.compiled,
    },
  }
}

/** The options as command-line arguments again (for worker processes and the dev child). */
export function toArgs(command: 'run' | 'dev', options: RunOptions): string[] {
  const args = [command, options.target, '--host', options.host, '--port', String(options.port)]
  if (command === 'run') args.push('--workers', String(options.workers))
  if (options.shutdownTimeout !== undefined) args.push('--shutdown-timeout', String(options.shutdownTimeout))
  if (options.accessLog === false) args.push('--no-access-log')
  if (options.logLevel !== undefined) args.push('--log-level', options.logLevel)
  if (options.compiled !== undefined) args.push('--compiled', options.compiled)
  return args
}
