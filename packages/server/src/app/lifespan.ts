import { type Dependency, dependency } from '@typefast/dependency-resolution'
import { LifespanFunctionError, LifespanYieldError } from '../errors.js'
import { HTTPException } from '../exceptions/http-exception.js'

/** Set-up code, `yield state`, then tear-down code: FastAPI's lifespan, run once per app start. */
export type LifespanFunction<S> = () => AsyncGenerator<S, void, unknown>

/** A lifespan whose state handlers and dependencies read, typed, through `lifespan.state`. */
export interface Lifespan<S> {
  readonly kind: 'lifespan'
  readonly fn: LifespanFunction<S>
  /** A dependency resolving to what the lifespan yielded: `deps: { app: lifespan.state }`. */
  readonly state: Dependency<S, {}>
}

/**
 * Declare an app's lifespan: what it yields is the app's state, set up before the first request
 * and torn down on `app.close()`. Pass it to `createApp({ lifespan })`; read the state through
 * the `state` dependency, typed as what was yielded.
 */
export function lifespan<S>(fn: LifespanFunction<S>): Lifespan<S> {
  if (typeof fn !== 'function') throw new LifespanFunctionError()
  const holder: { running: boolean; value: S | undefined } = { running: false, value: undefined }
  const state = dependency(
    () => {
      if (!holder.running) throw new HTTPException(500, 'Internal Server Error')
      return holder.value as S
    },
    { name: 'lifespan state' },
  )
  return Object.freeze({ kind: 'lifespan', fn, state, [holderKey]: holder }) as Lifespan<S>
}

const holderKey = Symbol('lifespan holder')

/** A lifespan in progress: `start()` runs up to the `yield`, `stop()` runs the rest. */
export class LifespanRun {
  readonly #generator: AsyncGenerator<unknown, void, unknown>
  readonly #holder: { running: boolean; value: unknown } | undefined
  state: unknown = undefined

  constructor(spec: Lifespan<unknown> | LifespanFunction<unknown>) {
    const fn = typeof spec === 'function' ? spec : spec.fn
    this.#holder = typeof spec === 'function' ? undefined : (spec as unknown as Record<symbol, never>)[holderKey]
    this.#generator = fn()
  }

  async start(): Promise<unknown> {
    const step = await this.#generator.next()
    if (step.done) throw new LifespanYieldError('never')
    this.state = step.value
    if (this.#holder !== undefined) {
      this.#holder.value = step.value
      this.#holder.running = true
    }
    return step.value
  }

  async stop(): Promise<void> {
    if (this.#holder !== undefined) this.#holder.running = false
    const step = await this.#generator.next()
    if (!step.done) throw new LifespanYieldError('twice')
  }
}
