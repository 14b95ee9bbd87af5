import type { BackgroundTasks, RequestInfo, ResponseControl } from '@typefast/http'
import type { ResolveContext } from './context.js'

/**
 * The one object a dependency function receives. `request`, `response` and `background` are read
 * from the request's context only when the dependency asks for them: the server builds those on
 * first use, and a dependency that never touches them should not make every request pay for them.
 * (Getters on a class prototype stay fast; getters in an object literal do not.)
 */
export class DependencyInputs {
  readonly params: Record<string, unknown>
  readonly query: Record<string, unknown>
  readonly headers: Record<string, unknown>
  readonly cookies: Record<string, unknown>
  readonly body: unknown
  readonly deps: Record<string, unknown>
  readonly #context: ResolveContext

  constructor(context: ResolveContext, deps: Record<string, unknown>) {
    this.params = context.params
    this.query = context.query
    this.headers = context.headers
    this.cookies = context.cookies
    this.body = context.body
    this.deps = deps
    this.#context = context
  }

  get request(): RequestInfo {
    return this.#context.request
  }

  get response(): ResponseControl {
    return this.#context.response
  }

  get background(): BackgroundTasks {
    return this.#context.background
  }
}
