/**
 * Work to run after the response is sent (FastAPI's BackgroundTasks): in the order added; a
 * failing task is logged and the next one still runs.
 */
export interface BackgroundTasks {
  add<A extends unknown[]>(task: (...args: A) => unknown, ...args: A): void
}
