import type { ResolveContext } from './context.js'
import type { RequestScope } from './scope.js'
import { invokeStep, type Step } from './step.js'
import { isThenable } from './thenable.js'

/**
 * Continues a run asynchronously from the first step whose value was a thenable: steps
 * before `from` are done, `from` is pending. Every step whose sub-dependencies are done starts
 * at once, so independent async dependencies run concurrently. On the first error no new step
 * starts, and the promise rejects only once the steps in flight have settled, so that every
 * generator which set up is registered in the scope before the server tears it down.
 */
export function runAsyncFrom(
  steps: readonly Step[],
  ctx: ResolveContext,
  scope: RequestScope,
  values: unknown[],
  from: number,
  pending: PromiseLike<unknown>,
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const count = steps.length
    // Per step: sub-dependencies not yet done; -1 once started.
    const waiting = new Int32Array(count)
    let left = count - from
    let inFlight = 0
    let failed = false
    let firstError: unknown

    const finish = () => {
      if (inFlight > 0) return
      if (failed) reject(firstError)
      else if (left === 0) resolve(values)
    }
    const fail = (error: unknown) => {
      if (failed) return
      failed = true
      firstError = error
    }
    const complete = (index: number, value: unknown) => {
      values[index] = value
      left--
      if (failed) return
      for (const next of steps[index]!.dependents) if (--waiting[next]! === 0) start(next)
    }
    const track = (index: number, thenable: PromiseLike<unknown>) => {
      inFlight++
      Promise.resolve(thenable).then(
        (value) => {
          inFlight--
          complete(index, value)
          finish()
        },
        (error: unknown) => {
          inFlight--
          fail(error)
          finish()
        },
      )
    }
    const start = (index: number) => {
      waiting[index] = -1
      let value: unknown
      try {
        value = invokeStep(steps[index]!, ctx, values, scope)
      } catch (error) {
        fail(error)
        return
      }
      if (isThenable(value)) track(index, value)
      else complete(index, value)
    }

    for (let index = from + 1; index < count; index++) {
      let pendingDeps = 0
      for (const slot of steps[index]!.depSlots) if (slot >= from) pendingDeps++
      waiting[index] = pendingDeps
    }
    waiting[from] = -1
    track(from, pending)
    for (let index = from + 1; index < count && !failed; index++) if (waiting[index] === 0) start(index)
    finish()
  })
}
