import { type AnyDependency, type DepsSpec, isDependency } from './dependency.js'
import { DependencyCycleError, NotADependencyError } from './errors.js'
import type { RecordMaker } from './record-factory.js'
import { SecurityScopes, scopeSensitivity, scopesKey, unwrapSecurity } from './security.js'
import { type Step, stepKind } from './step.js'

export interface Graph {
  /** Topologically ordered: every step after the steps of its sub-dependencies. */
  readonly steps: readonly Step[]
  /** The slot of each of the route's named deps, by key. */
  readonly namedKeys: readonly string[]
  readonly namedSlots: readonly number[]
  /** The slots of the shared deps, in declaration order. */
  readonly sharedSlots: readonly number[]
}

/**
 * Flattens the dependency graph of one route into steps. A cached dependency (the default) gets
 * one step however often it appears; an uncached one gets a step per use. Overrides are applied
 * here, once, so the run never looks them up. Throws on a cycle or on a deps entry that is not a
 * dependency. `records` makes each dependency's `deps` object.
 */
export function buildGraph(
  named: DepsSpec | undefined,
  shared: readonly AnyDependency[],
  label: string,
  overrides: ReadonlyMap<AnyDependency, AnyDependency> | undefined,
  records: RecordMaker,
): Graph {
  const steps: Step[] = []
  const cached = new Map<AnyDependency, number>()
  // A dependency whose value may depend on the scopes above it (see security.ts) gets one step per scope set.
  const cachedByScopes = new Map<AnyDependency, Map<string, number>>()
  const scopeSensitive = scopeSensitivity(overrides)
  // The dependencies being visited, outermost first: the path a cycle is reported with.
  const path: AnyDependency[] = []

  const visit = (candidate: unknown, where: string, parentScopes: readonly string[]): number => {
    if (!isDependency(candidate)) {
      throw new NotADependencyError(label, where)
    }
    const { dependency: declared, scopes } = unwrapSecurity(candidate, parentScopes)
    const dep = overrides?.get(declared) ?? declared
    const scopeKey = scopeSensitive(declared) ? scopesKey(scopes) : undefined
    if (dep.cache) {
      const slot = scopeKey === undefined ? cached.get(dep) : cachedByScopes.get(dep)?.get(scopeKey)
      if (slot !== undefined) return slot
    }
    const start = path.indexOf(dep)
    if (start !== -1) {
      throw new DependencyCycleError(
        label,
        [...path.slice(start), dep].map((d) => d.name),
      )
    }
    path.push(dep)
    const depKeys: string[] = []
    const depSlots: number[] = []
    for (const [key, sub] of Object.entries(dep.spec?.deps ?? {})) {
      depKeys.push(key)
      depSlots.push(visit(sub, `deps.${key} of dependency '${dep.name}'`, scopes))
    }
    path.pop()
    const index = steps.length
    const fn = dep.securityRole?.kind === 'securityScopes' ? constant(new SecurityScopes(scopes)) : dep.fn
    steps.push({
      index,
      dependency: dep,
      name: dep.name,
      fn: fn as (inputs: unknown) => unknown,
      kind: stepKind(fn),
      depKeys,
      depSlots,
      makeDeps: depKeys.length === 0 ? undefined : records(depKeys, depSlots, label, dep.name),
      dependents: [],
      label,
    })
    for (const slot of depSlots) steps[slot]!.dependents.push(index)
    if (dep.cache) {
      if (scopeKey === undefined) cached.set(dep, index)
      else cachedByScopes.set(dep, (cachedByScopes.get(dep) ?? new Map()).set(scopeKey, index))
    }
    return index
  }

  const sharedSlots: number[] = []
  for (let i = 0; i < shared.length; i++) sharedSlots.push(visit(shared[i], `shared dependency #${i}`, []))
  const namedKeys: string[] = []
  const namedSlots: number[] = []
  for (const [key, dep] of Object.entries(named ?? {})) {
    namedKeys.push(key)
    namedSlots.push(visit(dep, `deps.${key}`, []))
  }
  return { steps, namedKeys, namedSlots, sharedSlots }
}

// The value of `securityScopes` is fixed by where it is reached: made once, at start-up.
function constant<T>(value: T): () => T {
  return () => value
}
