import type { ResolveContext } from './context.js'
import { DependencyInputs } from './dependency-inputs.js'
import { generate, identifier } from './generated-code.js'
import { objectLiteral } from './record-factory.js'
import type { RequestScope } from './scope.js'
import { invokeStep, NO_DEPS, noYield, type Step, StepKind } from './step.js'
import { isThenable } from './thenable.js'

export type PlanRun = (
  ctx: ResolveContext,
  scope: RequestScope,
) => Record<string, unknown> | Promise<Record<string, unknown>>

/** Takes a run over asynchronously at step `index`, whose value is the thenable `pending`. */
export type Resume = (
  ctx: ResolveContext,
  scope: RequestScope,
  values: unknown[],
  index: number,
  pending: PromiseLike<unknown>,
) => Promise<Record<string, unknown>>

/**
 * Compiles the sync path of a plan into one function with the steps unrolled in topological order.
 * Each dependency gets its own call site (so V8 can inline it), its own `deps` literal and a
 * local variable for its value: a request that stays sync allocates its argument objects and the
 * result, and nothing else. The first thenable hands the values so far to `resume`. Steps after
 * an async generator are not emitted: the run is async from there on anyway.
 * Only indices and JSON-quoted keys reach the source; functions and names are passed in. The
 * function is named after the route ('GET /items/{id}' gives `GET_items_id_dependencies`), its
 * sourceURL is `typefast/dependencies/GET/items/{id}`.
 */
export function compileSyncRun(
  label: string,
  steps: readonly Step[],
  namedKeys: readonly string[],
  namedSlots: readonly number[],
  resume: Resume,
): PlanRun {
  const lines: string[] = []
  const valuesSoFar = (count: number) => `[${Array.from({ length: count }, (_, i) => `v${i}`).join(', ')}]`
  let complete = true
  for (const step of steps) {
    const i = step.index
    const deps = step.depKeys.length === 0 ? 'NO_DEPS' : objectLiteral(step.depKeys, (k) => `v${step.depSlots[k]}`)
    const call = `f[${i}](new DependencyInputs(c, ${deps}))`
    if (step.kind === StepKind.AsyncGenerator) {
      lines.push(
        `const values = ${valuesSoFar(i)}`,
        `return resume(c, scope, values, ${i}, invoke(steps[${i}], c, values, scope))`,
      )
      complete = false
      break
    }
    if (step.kind === StepKind.Generator) {
      lines.push(
        `const g${i} = ${call}`,
        `const r${i} = g${i}.next()`,
        `if (r${i}.done) throw noYield(steps[${i}])`,
        `scope.register(g${i}, steps[${i}].name, false)`,
        `const v${i} = r${i}.value`,
      )
    } else {
      lines.push(`const v${i} = ${call}`)
    }
    lines.push(`if (isThenable(v${i})) return resume(c, scope, ${valuesSoFar(i)}, ${i}, v${i})`)
  }
  if (complete) lines.push(`return ${objectLiteral(namedKeys, (k) => `v${namedSlots[k]}`)}`)
  const source = `const f = steps.map((step) => step.fn)
return function ${identifier(`${label} dependencies`)}(c, scope) {
${lines.map((line) => `  ${line}`).join('\n')}
}`
  return generate<PlanRun>(
    `dependencies/${label}`,
    ['steps', 'resume', 'invoke', 'isThenable', 'noYield', 'NO_DEPS', 'DependencyInputs'],
    source,
    [steps, resume, invokeStep, isThenable, noYield, NO_DEPS, DependencyInputs],
  )
}
