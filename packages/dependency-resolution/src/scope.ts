import { DependencyYieldedTwiceError } from './errors.js'

type AnyGenerator = Generator<unknown, unknown, unknown> | AsyncGenerator<unknown, unknown, unknown>

/** Per-request state: the generator dependencies to tear down. */
export class RequestScope {
  // Parallel arrays, created on the first registration: a request without generator
  // dependencies allocates nothing here.
  #generators: AnyGenerator[] | undefined
  #names: string[] | undefined
  #async: boolean[] | undefined
  #closed = false
  #closeError: unknown
  readonly #onTeardownError: (error: unknown, dependencyName: string) => void

  constructor(onTeardownError: (error: unknown, dependencyName: string) => void) {
    this.#onTeardownError = onTeardownError
  }

  /**
   * Record a generator dependency that has yielded its value. Called by the plan; a generator
   * registered after close() (a set-up that outlived the request) is torn down at once.
   */
  register(generator: AnyGenerator, name: string, isAsync: boolean): void {
    if (this.#closed) {
      // #finishAsync never rejects, so the promise may be left alone.
      if (isAsync) void this.#finishAsync(generator as AsyncGenerator, name, this.#closeError)
      else this.#finishSync(generator as Generator, name, this.#closeError)
      return
    }
    if (this.#generators === undefined) {
      this.#generators = []
      this.#names = []
      this.#async = []
    }
    this.#generators.push(generator)
    this.#names!.push(name)
    this.#async!.push(isAsync)
  }

  /**
   * Runs generator teardowns in reverse order of set-up. `error` is the exception that ended the
   * request, thrown into each generator at its `yield` so `try/catch/finally` sees it; undefined
   * when the request succeeded. Never throws: a teardown error goes to onTeardownError. Returns
   * undefined (no promise) when there was nothing async to tear down.
   */
  close(error?: unknown): void | Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#closeError = error
    const generators = this.#generators
    if (generators === undefined) return
    const names = this.#names!
    const isAsync = this.#async!
    this.#generators = this.#names = this.#async = undefined
    for (let i = generators.length - 1; i >= 0; i--) {
      if (isAsync[i]) return this.#closeAsyncFrom(i, generators, names, isAsync, error)
      this.#finishSync(generators[i] as Generator, names[i]!, error)
    }
  }

  // Once an async teardown is met, the rest run after it, still one at a time in reverse order.
  async #closeAsyncFrom(
    from: number,
    generators: AnyGenerator[],
    names: string[],
    isAsync: boolean[],
    error: unknown,
  ): Promise<void> {
    for (let i = from; i >= 0; i--) {
      if (isAsync[i]) await this.#finishAsync(generators[i] as AsyncGenerator, names[i]!, error)
      else this.#finishSync(generators[i] as Generator, names[i]!, error)
    }
  }

  #finishSync(generator: Generator, name: string, error: unknown): undefined {
    try {
      const result = error === undefined ? generator.next() : generator.throw(error)
      if (!result.done) this.#yieldedTwice(generator, name)
    } catch (teardownError) {
      // The request's own error coming back out means the dependency did not handle it: not a teardown failure.
      if (teardownError !== error) this.#report(teardownError, name)
    }
    return undefined
  }

  async #finishAsync(generator: AsyncGenerator, name: string, error: unknown): Promise<void> {
    try {
      const result = await (error === undefined ? generator.next() : generator.throw(error))
      if (!result.done) await this.#yieldedTwice(generator, name)
    } catch (teardownError) {
      if (teardownError !== error) this.#report(teardownError, name)
    }
  }

  // A dependency yields exactly one value; a second yield is reported and the generator closed
  // (its finally blocks still run).
  #yieldedTwice(generator: AnyGenerator, name: string): unknown {
    this.#report(new DependencyYieldedTwiceError(name), name)
    return generator.return(undefined)
  }

  #report(error: unknown, name: string): void {
    try {
      this.#onTeardownError(error, name)
    } catch {
      // The reporter failing must not stop the other teardowns.
    }
  }
}
