import { type Lifespan, type LifespanFunction, LifespanRun } from './lifespan.js'

/** What an app starts and stops with it: the apps it mounts. */
export interface Startable {
  startup(): Promise<void>
  close(): Promise<void>
}

/**
 * An app's start-up and shut-down: the lifespan up to its `yield`, the start-up hooks, then the
 * mounted apps'; on stop, the shutdown hooks in reverse order, then the rest of the lifespan.
 */
export class StartStop {
  readonly #lifespan: Lifespan<any> | LifespanFunction<any> | undefined
  readonly #mounted: readonly Startable[]
  readonly #startupHooks: (() => unknown)[] = []
  readonly #shutdownHooks: (() => unknown)[] = []
  #started = false
  #starting: Promise<void> | undefined
  #running: LifespanRun | undefined

  constructor(lifespan: Lifespan<any> | LifespanFunction<any> | undefined, mounted: readonly Startable[]) {
    this.#lifespan = lifespan
    this.#mounted = mounted
  }

  onStartup(hook: () => unknown): void {
    this.#startupHooks.push(hook)
  }

  onShutdown(hook: () => unknown): void {
    this.#shutdownHooks.push(hook)
  }

  /** What the lifespan yielded, while the app runs. */
  get state(): unknown {
    return this.#running?.state
  }

  /** Idempotent: the second call waits for the first. */
  startup(): Promise<void> {
    if (this.#started) return this.#starting ?? Promise.resolve()
    this.#started = true
    this.#starting = this.#start()
    return this.#starting
  }

  async #start(): Promise<void> {
    if (this.#lifespan !== undefined) {
      this.#running = new LifespanRun(this.#lifespan)
      await this.#running.start()
    }
    for (const hook of this.#startupHooks) await hook()
    for (const app of this.#mounted) await app.startup()
  }

  /** After the servers are closed: the mounted apps, the shutdown hooks, the lifespan's tear-down. */
  async stop(): Promise<void> {
    for (const app of this.#mounted) await app.close()
    if (!this.#started) return
    this.#started = false
    await this.#starting
    this.#starting = undefined
    for (const hook of [...this.#shutdownHooks].reverse()) await hook()
    const running = this.#running
    this.#running = undefined
    await running?.stop()
  }
}
