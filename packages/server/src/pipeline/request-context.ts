import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestInfo } from '@typefast/http'
import { BackgroundTasks } from './background-tasks.js'
import { requestInfo } from './request-info.js'
import { ResponseState } from './response-state.js'

const empty = Object.freeze({})

/**
 * The one object a handler (and each dependency) receives. `request`, `response` and `background`
 * are built only when read, so a handler that never touches them allocates none of them.
 */
export class RequestContext {
  params: Record<string, unknown> = empty
  query: Record<string, unknown> = empty
  headers: Record<string, unknown> = empty
  cookies: Record<string, unknown> = empty
  body: unknown = undefined
  form: Record<string, unknown> = empty
  deps: Record<string, unknown> = empty
  readonly req: IncomingMessage
  readonly res: ServerResponse
  #request: RequestInfo | undefined
  #response: ResponseState | undefined
  #background: BackgroundTasks | undefined

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.req = req
    this.res = res
  }

  get request(): RequestInfo {
    if (this.#request === undefined) this.#request = requestInfo(this.req)
    return this.#request
  }

  get response(): ResponseState {
    if (this.#response === undefined) this.#response = new ResponseState()
    return this.#response
  }

  get background(): BackgroundTasks {
    if (this.#background === undefined) this.#background = new BackgroundTasks()
    return this.#background
  }

  /** The background tasks if any were added, without creating them. */
  backgroundTasks(): BackgroundTasks | undefined {
    return this.#background
  }

  /** The response state if a handler or dependency touched it, without creating one. */
  responseState(): ResponseState | undefined {
    return this.#response
  }
}
