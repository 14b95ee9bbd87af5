import type { AnyDependency, Dependency } from '@typefast/dependency-resolution'

/** A dependency swapped for another of the same value type, for the duration of a test client. */
export interface DependencyOverride {
  readonly original: AnyDependency
  readonly replacement: AnyDependency
}

/** `override(db, fakeDb)`: typed so the replacement must resolve to what the original does. */
export function override<V>(original: Dependency<V, any>, replacement: Dependency<V, any>): DependencyOverride {
  return { original, replacement }
}
