import cluster, { type Worker } from 'node:cluster'
import type { RunOptions } from './args.js'
import { deadline, say, type WorkerMessage } from './serve.js'

/**
 * The cluster primary: forks `workers` processes that share the port, replaces any that dies,
 * and on SIGTERM/SIGINT asks each to shut down gracefully, exiting 0 once all have. A second
 * signal kills the workers and exits 1.
 */
export function runPrimary(options: RunOptions): void {
  // Workers accept from the shared socket themselves (as uvicorn's and gunicorn's do): in node's
  // round-robin mode the primary holds each connection until a worker acknowledges it, so a
  // worker dying at that moment leaves the client hanging on a connection nobody serves.
  cluster.schedulingPolicy = cluster.SCHED_NONE
  let stopping = false
  let everListened = false
  let announced = false
  // Live workers, kept here: cluster.workers may still list one whose 'exit' has been emitted.
  const startedAt = new Map<Worker, number>()
  const listening = new Set<Worker>()
  let quickDeaths = 0
  let exitCode = 0

  const fork = () => {
    const worker = cluster.fork()
    startedAt.set(worker, Date.now())
    worker.on('message', (message: WorkerMessage) => {
      // a worker forked just before the signal hears of the shutdown once it listens for it
      if (stopping && message?.type !== 'typefast:shutdown') sendShutdown(worker)
      if (message?.type !== 'typefast:listening') return
      everListened = true
      quickDeaths = 0
      listening.add(worker)
      if (announced) {
        say(`worker ${worker.process.pid} serving`)
      } else if (listening.size >= options.workers) {
        announced = true
        say(`serving on ${message.url} with ${options.workers} workers; docs at ${message.url}/docs`)
      }
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    listening.delete(worker)
    if (stopping) {
      if (startedAt.size === 0) {
        say('stopped')
        process.exit(exitCode)
      }
      return
    }
    if (!everListened) {
      say(`worker ${worker.process.pid} failed to start (${signal ?? `exit code ${code}`}); stopping`)
      shutdown('start-up failure', 1)
      return
    }
    say(`worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting a new one`)
    // a worker that dies right after starting is backed off, so a crash loop does not spin
    quickDeaths = lived < 1_000 ? quickDeaths + 1 : 0
    const delay = quickDeaths === 0 ? 0 : Math.min(10_000, 100 * 2 ** quickDeaths)
    setTimeout(fork, delay)
  })

  const shutdown = (reason: string, code = 0) => {
    if (stopping) {
      say(`${reason} again: killing the workers`)
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL')
      process.exit(1)
    }
    stopping = true
    exitCode = code
    say(`${reason}: finishing requests in flight${deadline(options)}`)
    if (startedAt.size === 0) process.exit(exitCode)
    for (const worker of startedAt.keys()) sendShutdown(worker)
    setTimeout(
      () => {
        say('workers did not stop in time: killing them')
        for (const worker of startedAt.keys()) worker.process.kill('SIGKILL')
        process.exit(1)
      },
      (options.shutdownTimeout ?? 10_000) + 10_000,
    ).unref()
  }
  const sendShutdown = (worker: Worker) => {
    if (worker.isConnected()) worker.send({ type: 'typefast:shutdown' } satisfies WorkerMessage)
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))

  say(`starting ${options.workers} workers`)
  for (let i = 0; i < options.workers; i++) fork()
}
