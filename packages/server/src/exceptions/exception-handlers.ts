import type { RequestInfo } from '@typefast/http'
import type { Logger } from '../logging/logger.js'
import type { RequestContext } from '../pipeline/request-context.js'
import { type HttpResponse, isHttpResponse, json } from '../responses/responses.js'
import { redactSecretInputs } from '../security/redact.js'
import { HTTPException, RequestValidationError } from './http-exception.js'

export type ErrorClass<E> = abstract new (...args: any[]) => E

export type ExceptionHandler<E> = (error: E, request: RequestInfo) => HttpResponse | Promise<HttpResponse>

const internalError = () => json({ detail: 'Internal Server Error' }, { status: 500 })

/** FastAPI's answers: HTTPException's detail and headers, 422 with the error list, else a bare 500. */
function defaultResponse(error: unknown, context: RequestContext, logger: Logger): HttpResponse {
  if (error instanceof HTTPException) {
    return json({ detail: error.detail }, { status: error.status, headers: error.headers })
  }
  if (error instanceof RequestValidationError) {
    return json({ detail: redactSecretInputs(error.errors) }, { status: 422 })
  }
  logger.error({ err: error, method: context.req.method, url: context.req.url }, 'Unhandled error in request')
  return internalError()
}

/** The app's exception handlers, looked up along the error's class chain, most specific first. */
export class ExceptionHandlers {
  readonly #handlers = new Map<Function, ExceptionHandler<unknown>>()
  readonly #logger: Logger

  constructor(logger: Logger) {
    this.#logger = logger
  }

  add<E>(errorClass: ErrorClass<E>, handler: ExceptionHandler<E>): void {
    this.#handlers.set(errorClass, handler as ExceptionHandler<unknown>)
  }

  #find(error: unknown): ExceptionHandler<unknown> | undefined {
    if (this.#handlers.size === 0 || typeof error !== 'object' || error === null) return undefined
    for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const handler = this.#handlers.get(proto.constructor)
      if (handler !== undefined) return handler
    }
    return undefined
  }

  /** The answer to `error`: the app's handler for its class, else FastAPI's. Never throws. */
  respond(error: unknown, context: RequestContext): HttpResponse | Promise<HttpResponse> {
    const custom = this.#find(error)
    if (custom === undefined) return defaultResponse(error, context, this.#logger)
    const failed = (handlerError: unknown) => {
      this.#logger.error({ err: handlerError, url: context.req.url }, 'Exception handler failed')
      return internalError()
    }
    try {
      const answer = custom(error, context.request)
      return isHttpResponse(answer) ? answer : answer.then((response) => response, failed)
    } catch (handlerError) {
      return failed(handlerError)
    }
  }

  /** Answer `error` on the context's response. Never throws; a failing handler answers 500. */
  handle(error: unknown, context: RequestContext): void {
    const { res } = context
    if (res.headersSent) {
      this.#logger.error({ err: error, url: context.req.url }, 'Error after the response started; connection closed')
      res.destroy()
      return
    }
    const answer = this.respond(error, context)
    if (isHttpResponse(answer)) void answer.send(res)
    else
      void answer.then((response) => {
        if (!res.headersSent) return response.send(res)
      })
  }
}
