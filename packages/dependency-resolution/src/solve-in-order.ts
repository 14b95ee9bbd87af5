import type { ResolveContext } from './context.js'
import type { AnyDependency } from './dependency.js'
import type { RequestScope } from './scope.js'
import { invokeStep, type Step } from './step.js'

/**
 * A dependency's own inputs, checked: the errors they hold, or the context to call it with
 * (the inputs it declared, validated).
 */
export type InputCheck<E> = { readonly errors: readonly E[] } | { readonly context: ResolveContext }

/**
 * FastAPI's order for a request whose inputs did not all validate (its solve_dependencies):
 * depth first from the roots, each dependency after its sub-dependencies; one whose inputs or
 * sub-dependencies failed adds its errors and is not called, every other one is called, and
 * the first that throws ends the solve with its error. A dependency reached twice is checked
 * twice (its errors appear twice, as in FastAPI) but called once when cached.
 * Resolves to the errors found, in that order. Only the error path runs this.
 */
export async function solveInOrder<E>(
  steps: readonly Step[],
  roots: readonly number[],
  scope: RequestScope,
  check: (dependency: AnyDependency) => InputCheck<E>,
): Promise<E[]> {
  const errors: E[] = []
  const values: unknown[] = new Array(steps.length)
  const done = new Uint8Array(steps.length)

  const visit = async (slot: number): Promise<boolean> => {
    const step = steps[slot]!
    let ok = true
    for (const sub of step.depSlots) if (!(await visit(sub))) ok = false
    const checked = check(step.dependency)
    if ('errors' in checked) {
      errors.push(...checked.errors)
      return false
    }
    if (!ok) return false
    if (done[slot] === 0) {
      values[slot] = await invokeStep(step, checked.context, values, scope)
      done[slot] = 1
    }
    return true
  }

  for (const root of roots) await visit(root)
  return errors
}
