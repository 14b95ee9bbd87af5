import type { AnyDependency, DepsSpec } from './dependency.js'
import { canGenerate } from './generated-code.js'
import { buildGraph } from './graph.js'
import type { InputSchemas } from './inputs.js'
import { InputMerger } from './merge-inputs.js'
import { recordFactory, recordLoop } from './record-factory.js'
import { runAsyncFrom } from './run-async.js'
import type { RequestScope } from './scope.js'
import { type InputCheck, solveInOrder } from './solve-in-order.js'
import { invokeStep, type Step } from './step.js'
import { compileSyncRun, type PlanRun, type Resume } from './sync-run.js'
import { isThenable } from './thenable.js'

export interface DependencyPlan {
  /** Input schemas declared by every dependency in the graph (sub-dependencies included; NOT the route's own spec), merged per location. */
  readonly inputs: InputSchemas
  /** True when the plan has no dependencies at all: the server then skips it. */
  readonly empty: boolean
  /** Every dependency the plan resolves (overrides applied), each once, in set-up order. */
  readonly dependencies: readonly AnyDependency[]
  /**
   * Resolve the graph for one request. Returns the values of `named` (the route's own `deps` by
   * key). Synchronous (no promise allocated) when every dependency reached is a plain function or
   * sync generator returning a non-thenable; otherwise a Promise. Errors propagate: thrown on the
   * sync path, a rejection on the async path. Set-up generators are registered in `scope` even
   * when a later step throws, so the server can tear them down. May be called detached from the plan.
   */
  readonly run: PlanRun
  /**
   * Resolve the graph in FastAPI's order for a request whose inputs did not all validate,
   * `check` telling each dependency's own errors (see solve-in-order.ts). Resolves to the
   * errors found; rejects with the first error a dependency throws.
   */
  solveInOrder<E>(scope: RequestScope, check: (dependency: AnyDependency) => InputCheck<E>): Promise<E[]>
}

export interface CompileOptions {
  /** Names the route in error messages, e.g. 'GET /items/{id}'. */
  label: string
  /** Dependencies replaced everywhere in the graph, by identity. */
  overrides?: ReadonlyMap<AnyDependency, AnyDependency>
}

/** How the sync path runs: one generated function (the default), or a loop over the steps. */
export type SyncStrategy = 'compiled' | 'loop'

/**
 * Compiles a route's dependency graph at start-up: `named` are the route's `deps` (their values
 * go to the handler), `shared` the app and router level deps (run first, values not passed).
 * Throws on a cycle or on conflicting input declarations.
 */
export function compileDependencyPlan(
  named: DepsSpec | undefined,
  shared: readonly AnyDependency[],
  options: CompileOptions,
): DependencyPlan {
  return compilePlan(named, shared, options, canGenerate() ? 'compiled' : 'loop')
}

/** compileDependencyPlan with the sync strategy chosen (tests run both). */
export function compilePlan(
  named: DepsSpec | undefined,
  shared: readonly AnyDependency[],
  options: CompileOptions,
  strategy: SyncStrategy,
): DependencyPlan {
  // The loop strategy generates no code at all: its records are made by a loop too.
  const records = strategy === 'compiled' ? recordFactory : recordLoop
  const { steps, namedKeys, namedSlots, sharedSlots } = buildGraph(
    named,
    shared,
    options.label,
    options.overrides,
    records,
  )
  const dependencies = [...new Set(steps.map((step) => step.dependency))]
  const merger = new InputMerger(`${options.label}: `)
  for (const dep of dependencies) merger.add(dep.spec ?? {}, dep.name)
  const pick = records(namedKeys, namedSlots, options.label)
  const resume: Resume = (ctx, scope, values, index, pending) =>
    runAsyncFrom(steps, ctx, scope, values, index, pending).then(pick)
  const run =
    strategy === 'compiled'
      ? compileSyncRun(options.label, steps, namedKeys, namedSlots, resume)
      : loopRun(steps, pick, resume)
  const roots = [...sharedSlots, ...namedSlots]
  return {
    inputs: merger.result(),
    empty: steps.length === 0,
    dependencies,
    run,
    solveInOrder: (scope, check) => solveInOrder(steps, roots, scope, check),
  }
}

// The same sync path without generated code: a plain loop in topological order, the first
// thenable handing the rest of the run to the async scheduler.
function loopRun(
  steps: readonly Step[],
  pick: (values: unknown[]) => Record<string, unknown>,
  resume: Resume,
): PlanRun {
  const count = steps.length
  return (ctx, scope) => {
    const values: unknown[] = new Array(count)
    for (let index = 0; index < count; index++) {
      const value = invokeStep(steps[index]!, ctx, values, scope)
      if (isThenable(value)) return resume(ctx, scope, values, index, value)
      values[index] = value
    }
    return pick(values)
  }
}
