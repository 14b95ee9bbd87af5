import type { ResolveContext } from './context.js'
import type { AnyDependency } from './dependency.js'
import { DependencyInputs } from './dependency-inputs.js'
import { DependencyNoYieldError } from './errors.js'
import { isAsyncGeneratorFunction, isGeneratorFunction } from './function-kind.js'
import type { RecordFactory } from './record-factory.js'
import type { RequestScope } from './scope.js'

/**
 * How a dependency function makes its value, decided once from the function's type.
 * Call: plain or async function, its return value (awaited if a thenable).
 * Generator / AsyncGenerator: its first yield; the rest of it is the teardown.
 */
export const StepKind = { Call: 0, Generator: 1, AsyncGenerator: 2 } as const
export type StepKind = (typeof StepKind)[keyof typeof StepKind]

/** One dependency resolution in a compiled plan; `index` is also its slot in the values array. */
export interface Step {
  readonly index: number
  readonly dependency: AnyDependency
  readonly name: string
  readonly fn: (inputs: unknown) => unknown
  readonly kind: StepKind
  /** The keys the dependency declared in `spec.deps`, and the slots of their values. */
  readonly depKeys: readonly string[]
  readonly depSlots: readonly number[]
  /** Makes the `deps` object from the values; undefined when there are no sub-dependencies. */
  readonly makeDeps: RecordFactory | undefined
  /** Steps that need this one: used to schedule the async path. */
  readonly dependents: number[]
  /** The route label, for run-time error messages. */
  readonly label: string
}

export function stepKind(fn: unknown): StepKind {
  if (isAsyncGeneratorFunction(fn)) return StepKind.AsyncGenerator
  if (isGeneratorFunction(fn)) return StepKind.Generator
  return StepKind.Call
}

// Shared by every dependency without sub-dependencies, so they cost no allocation.
export const NO_DEPS: Readonly<Record<string, unknown>> = Object.freeze({})

export function noYield(step: Step): Error {
  return new DependencyNoYieldError(step.label, step.name)
}

/**
 * Calls one dependency. Returns its value, or a thenable of it for async functions and async
 * generators (and for whatever returns a thenable). Throws what the dependency throws.
 */
export function invokeStep(step: Step, ctx: ResolveContext, values: unknown[], scope: RequestScope): unknown {
  const makeDeps = step.makeDeps
  const deps = makeDeps === undefined ? NO_DEPS : makeDeps(values)
  const result = step.fn(new DependencyInputs(ctx, deps))
  if (step.kind === StepKind.Call) return result
  if (step.kind === StepKind.Generator) {
    const generator = result as Generator<unknown, unknown, unknown>
    const first = generator.next()
    if (first.done) throw noYield(step)
    scope.register(generator, step.name, false)
    return first.value
  }
  const generator = result as AsyncGenerator<unknown, unknown, unknown>
  return generator.next().then((first) => {
    if (first.done) throw noYield(step)
    scope.register(generator, step.name, true)
    return first.value
  })
}
