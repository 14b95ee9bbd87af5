import type { BackgroundTasks as BackgroundTasksApi } from '@typefast/http'

interface Task {
  readonly fn: (...args: any[]) => unknown
  readonly args: unknown[]
}

/** A request's background tasks: collected while handling, run in order once the response is sent. */
export class BackgroundTasks implements BackgroundTasksApi {
  readonly #tasks: Task[] = []

  add<A extends unknown[]>(task: (...args: A) => unknown, ...args: A): void {
    if (typeof task !== 'function') throw new TypeError('background.add(fn, ...args): fn must be a function')
    this.#tasks.push({ fn: task, args })
  }

  /** Run every task in order, awaiting each; a failure is reported and the next task still runs. */
  async run(onError: (error: unknown, taskName: string) => void): Promise<void> {
    for (const { fn, args } of this.#tasks) {
      try {
        await fn(...args)
      } catch (error) {
        onError(error, fn.name || 'anonymous task')
      }
    }
  }
}
