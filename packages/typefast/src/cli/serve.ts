import cluster from 'node:cluster'
import type { RunOptions } from './args.js'
import { useBuildFrom } from './build.js'
import { loadApp, type Servable } from './load-app.js'

/** The CLI's own lines, on stderr so that stdout stays the app's log. */
export function say(message: string): void {
  process.stderr.write(`typefast: ${message}\n`)
}

/** A message between a worker and the primary. */
export type WorkerMessage =
  | { type: 'typefast:starting' }
  | { type: 'typefast:listening'; url: string }
  | { type: 'typefast:shutdown' }

/**
 * Serve the app from this process (alone, or as one cluster worker) until a signal: then stop
 * accepting, let requests in flight finish within the timeout, run the shutdown hooks, exit 0.
 * The signal listeners come first, before the app loads: a signal during start-up exits 0 at
 * once (nothing was accepted, so nothing is lost). A second signal exits at once with 1.
 */
export async function serve(options: RunOptions, { dev = false } = {}): Promise<void> {
  if (options.logLevel !== undefined) process.env.LOG_LEVEL = options.logLevel
  let app: Servable | undefined
  let stopping = false
  const stop = async (reason: string) => {
    if (stopping) {
      if (reason !== 'primary') {
        say(`${reason} again: exiting now`)
        process.exit(1)
      }
      return
    }
    stopping = true
    if (app === undefined) {
      if (!cluster.isWorker) say(`${reason} during start-up: exiting`)
      process.exit(0)
    }
    if (!cluster.isWorker) say(`${reason}: finishing requests in flight${deadline(options)}`)
    // app.close() cuts requests left at the timeout; this is the backstop for shutdown hooks that hang
    if (options.shutdownTimeout !== undefined) {
      setTimeout(() => {
        say('shutdown took too long: exiting')
        process.exit(1)
      }, options.shutdownTimeout + 5_000).unref()
    }
    try {
      await app.close()
    } catch (error) {
      say(`shutdown failed: ${(error as Error).stack ?? error}`)
      process.exit(1)
    }
    if (!cluster.isWorker) say('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  if (cluster.isWorker) {
    process.on('message', (message: WorkerMessage) => {
      if (message?.type === 'typefast:shutdown') void stop('primary')
    })
    // the primary is gone: nobody will route to this worker any more
    process.on('disconnect', () => void stop('primary'))
    // from here a shutdown message is heard: the primary sends it again if it was sent before
    process.send?.({ type: 'typefast:starting' } satisfies WorkerMessage)
  }

  if (options.compiled !== undefined) await useBuildFrom(options.compiled)
  const loaded = await loadApp(options.target)
  const { url } = await loaded.listen({
    host: options.host,
    port: options.port,
    ...(options.shutdownTimeout !== undefined && { shutdownTimeout: options.shutdownTimeout }),
    ...(options.accessLog === false && { accessLog: false }),
  })
  app = loaded

  if (cluster.isWorker) {
    process.send?.({ type: 'typefast:listening', url } satisfies WorkerMessage)
  } else {
    say(`serving on ${url}${dev ? ' (reloading on change)' : ''}; docs at ${url}/docs`)
  }
}

/** How long the drain may take, as said when it starts. */
export function deadline({ shutdownTimeout }: RunOptions): string {
  return shutdownTimeout === undefined
    ? " (up to the app's shutdownTimeout, 10 s by default)"
    : shutdownTimeout === 0
      ? ' (no deadline)'
      : ` (up to ${shutdownTimeout} ms)`
}
