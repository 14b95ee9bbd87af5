import type { ResolveContext } from './context.js'
import type { SyncStrategy } from './plan.js'
import { RequestScope } from './scope.js'

/** A ResolveContext for tests, with the given inputs. */
export function fakeContext(inputs: Partial<ResolveContext> = {}): ResolveContext {
  return {
    params: {},
    query: {},
    headers: {},
    cookies: {},
    body: undefined,
    request: { method: 'GET', url: '/x', path: '/x', headers: {}, raw: undefined },
    response: {
      status: undefined,
      headers: {},
      setHeader() {},
      setCookie() {},
      deleteCookie() {},
    },
    background: { add() {} },
    ...inputs,
  }
}

/** A scope whose teardown errors are collected. */
export function collectingScope(): { scope: RequestScope; errors: Array<{ error: unknown; name: string }> } {
  const errors: Array<{ error: unknown; name: string }> = []
  return { scope: new RequestScope((error, name) => errors.push({ error, name })), errors }
}

/** A promise resolved or rejected from outside, to control the order of async steps in tests. */
export function deferred<T = void>(): {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (e: unknown) => void
} {
  let resolve!: (value: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Every sync strategy, so the plan tests run against each. */
export const STRATEGIES: readonly SyncStrategy[] = ['compiled', 'loop']
