import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * A getter that requires a CommonJS dependency on its first call, not at import: apps that never
 * use the feature skip its start-up time and memory.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(id) as T)
}
