import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  type AnyDependency,
  compileDependencyPlan,
  type InputSchemas,
  mergeInputSchemas,
  RequestScope,
} from '@typefast/dependency-resolution'
import { isAsyncGeneratorFunction, type ResolvedRoute } from '@typefast/router'
import { compileInputValidator, hasIntegers, type ValidationErrorItem } from '@typefast/validation'
import { parse as parseQuery } from 'fast-querystring'
import { readBody, readJsonBody } from './body.js'
import { compileBodyInput } from './body-input.js'
import { CapturedContext } from '../middleware/captured-context.js'
import { parseCookies } from './cookie-parser.js'
import { compileOrderedErrors } from './dependency-errors.js'
import { compileFormInput } from '../forms/form-input.js'
import type { FormLimits } from '../forms/form-limits.js'
import { compileHeaderInput } from './header-input.js'
import { RequestValidationError } from '../exceptions/http-exception.js'
import { compileJsonLinesResponder, compileJsonLinesSender } from '../responses/json-lines.js'
import { composeMiddleware, serveCaptured } from '../middleware/middleware-chain.js'
import { RequestContext } from './request-context.js'
import { compileResultResponder, compileResultSender } from '../responses/result-answer.js'
import type { HttpResponse } from '../responses/responses.js'

/** What the app gives every compiled route. */
export interface RouteRuntime {
  readonly bodyLimit: number
  /** Deepest JSON nesting accepted in a body; 0: no limit. */
  readonly maxJsonDepth?: number
  /** Limits on `form` bodies. */
  readonly formLimits?: FormLimits
  readonly overrides: ReadonlyMap<AnyDependency, AnyDependency>
  /** Answer an error (the app's exception handlers); never throws. */
  handleError(error: unknown, context: RequestContext): void
  /** The answer to an error as a response object, for routes under middleware. */
  respondError(error: unknown, context: RequestContext): HttpResponse | Promise<HttpResponse>
  onTeardownError(error: unknown, dependencyName: string): void
  onBackgroundError(error: unknown, taskName: string): void
  /** True when the app has middleware: every route then answers with response objects. */
  readonly captureAll?: boolean
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  query: string,
) => void

export interface CompiledRoute {
  readonly handle: RouteHandler
  /**
   * The route under middleware: answers with its final response object instead of writing it;
   * the object itself when the route answered synchronously, a promise only when it waited.
   */
  readonly respond: (
    context: CapturedContext,
    params: Record<string, string>,
    query: string,
  ) => HttpResponse | Promise<HttpResponse>
  /** The route's inputs merged with those of its dependencies: what is validated and documented. */
  readonly inputs: InputSchemas
}

/** The raw input of an absent query string or cookie header (validators only read it). */
const noInput: Readonly<Record<string, string>> = Object.freeze({})

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

function concat(
  errors: ValidationErrorItem[] | undefined,
  more: ValidationErrorItem[] | undefined,
): ValidationErrorItem[] {
  return more === undefined ? errors! : errors === undefined ? more : errors.concat(more)
}

/** The inputs the route declares itself, before those of its dependencies are merged in. */
export function ownInputs(route: ResolvedRoute): InputSchemas {
  const { params, query, headers, cookies, body } = route.spec
  return { params, query, headers, cookies, body }
}

/**
 * Compile a route into the one function that serves it: inputs validated by precompiled
 * validators, the precomputed dependency plan, the handler, the precompiled serializer.
 * Everything that can be decided here is; the returned function only runs.
 */
export function compileRoute(route: ResolvedRoute, runtime: RouteRuntime): CompiledRoute {
  const label = `${route.method} ${route.path}`
  const plan = compileDependencyPlan(route.spec.deps, route.sharedDeps, { label, overrides: runtime.overrides })
  const inputs = mergeInputSchemas(ownInputs(route), plan.inputs, { a: label, b: `the dependencies of ${label}` })
  const validateParams = inputs.params && compileInputValidator(inputs.params, 'path')
  const validateQuery = inputs.query && compileInputValidator(inputs.query, 'query')
  const validateHeaders = inputs.headers && compileInputValidator(inputs.headers, 'header')
  const headerInput = inputs.headers && compileHeaderInput(inputs.headers)
  const validateCookies = inputs.cookies && compileInputValidator(inputs.cookies, 'cookie')
  const bodyInput = inputs.body && compileBodyInput(inputs.body, { strict: route.strict })
  const bigIntegers = inputs.body !== undefined && hasIntegers(inputs.body)
  const orderedErrors = plan.empty ? undefined : compileOrderedErrors(plan, ownInputs(route))
  const form = route.spec.form && compileFormInput(route.spec.form, runtime.formLimits, label, inputs.body)
  const jsonLines = isAsyncGeneratorFunction(route.handler)
  const send = jsonLines ? compileJsonLinesSender(route.spec, label) : compileResultSender(route.spec)
  // Under middleware (decided here, once), answers are built as response objects instead.
  const captured = runtime.captureAll === true || route.middleware.length > 0
  const toResponse = captured
    ? jsonLines
      ? compileJsonLinesResponder(route.spec, label)
      : compileResultResponder(route.spec)
    : undefined
  const handler = route.handler
  const { bodyLimit, onTeardownError } = runtime
  const maxJsonDepth = runtime.maxJsonDepth ?? 0

  function failDirect(context: RequestContext, error: unknown, scope: RequestScope | undefined): void {
    runtime.handleError(error, context)
    if (scope !== undefined) void scope.close(error)
  }

  function failCaptured(context: RequestContext, error: unknown, scope: RequestScope | undefined): void {
    ;(context as CapturedContext).settle(runtime.respondError(error, context), scope, error)
  }

  function finishCaptured(context: RequestContext, value: unknown, scope: RequestScope | undefined): void {
    let response: HttpResponse
    try {
      response = toResponse!(context, value)
    } catch (error) {
      failCaptured(context, error, scope)
      return
    }
    ;(context as CapturedContext).settle(response, scope)
  }

  const fail = captured ? failCaptured : failDirect
  const finish = captured ? finishCaptured : finishDirect

  function finishDirect(context: RequestContext, value: unknown, scope: RequestScope | undefined): void {
    let sent: void | Promise<void>
    try {
      sent = send(context, value)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    if (sent !== undefined) {
      // A streamed answer: background tasks and teardown wait for its last byte.
      sent.then(
        () => afterResponse(context, scope),
        (error) => fail(context, error, scope),
      )
      return
    }
    const tasks = context.backgroundTasks()
    if (tasks !== undefined) void tasks.run(runtime.onBackgroundError).then(() => scope?.close())
    else if (scope !== undefined) void scope.close()
  }

  function afterResponse(context: RequestContext, scope: RequestScope | undefined): void {
    const tasks = context.backgroundTasks()
    if (tasks !== undefined) void tasks.run(runtime.onBackgroundError).then(() => scope?.close())
    else if (scope !== undefined) void scope.close()
  }

  function invoke(context: RequestContext, scope: RequestScope | undefined): void {
    let result: unknown
    try {
      result = handler(context)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    if (isThenable(result)) {
      result.then(
        (value) => finish(context, value, scope),
        (error) => fail(context, error, scope),
      )
    } else {
      finish(context, result, scope)
    }
  }

  function proceed(
    context: RequestContext,
    params: Record<string, string>,
    query: string,
    errors: ValidationErrorItem[] | undefined,
    bodyErrors: ValidationErrorItem[] | undefined,
  ): void {
    if (errors !== undefined || bodyErrors !== undefined) {
      if (orderedErrors === undefined) fail(context, new RequestValidationError(concat(errors, bodyErrors)), undefined)
      else reportInOrder(context, params, query, concat(errors, bodyErrors), bodyErrors)
      return
    }
    if (plan.empty) {
      invoke(context, undefined)
      return
    }
    const scope = new RequestScope(onTeardownError)
    let deps: Record<string, unknown> | Promise<Record<string, unknown>>
    try {
      deps = plan.run(context, scope)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    if (isThenable(deps)) {
      deps.then(
        (values) => {
          context.deps = values
          invoke(context, scope)
        },
        (error) => fail(context, error, scope),
      )
    } else {
      context.deps = deps
      invoke(context, scope)
    }
  }

  // Invalid inputs under dependencies: solved as FastAPI solves them, so a dependency that
  // raises (a 401) is the answer, and errors come in FastAPI's order. Off the fast path.
  function reportInOrder(
    context: RequestContext,
    params: Record<string, string>,
    query: string,
    errors: ValidationErrorItem[],
    bodyErrors: ValidationErrorItem[] | undefined,
  ): void {
    const scope = new RequestScope(onTeardownError)
    const header = context.req.headers.cookie
    const raw = {
      params,
      query: query === '' ? noInput : parseQuery(query),
      headers: headerInput === undefined ? context.req.headers : headerInput(context.req),
      cookies: header ? parseCookies(header) : noInput,
    }
    orderedErrors!(context, raw, bodyErrors, scope).then(
      (ordered) => fail(context, new RequestValidationError(ordered.length > 0 ? ordered : errors), scope),
      (error) => fail(context, error, scope),
    )
  }

  /**
   * Path, query, header and cookie inputs, every failing field reported at once as FastAPI does.
   * Each validator's result is read in place: no wrapper object nor closure per request.
   */
  function validateRequestParts(context: RequestContext, params: Record<string, string>, query: string) {
    let errors: ValidationErrorItem[] | undefined
    if (validateParams === undefined) context.params = params
    else {
      const result = validateParams(params)
      if (result.ok) context.params = result.value
      else errors = result.errors
    }
    if (validateQuery !== undefined) {
      const result = validateQuery(query === '' ? noInput : parseQuery(query))
      if (result.ok) context.query = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    if (validateHeaders !== undefined) {
      const result = validateHeaders(headerInput!(context.req))
      if (result.ok) context.headers = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    if (validateCookies !== undefined) {
      const header = context.req.headers.cookie
      const result = validateCookies(header ? parseCookies(header) : noInput)
      if (result.ok) context.cookies = result.value
      else errors = errors === undefined ? result.errors : errors.concat(result.errors)
    }
    return errors
  }

  function withBody(
    context: RequestContext,
    params: Record<string, string>,
    query: string,
    errors: ValidationErrorItem[] | undefined,
    bytes: Buffer,
  ): void {
    const result = readJsonBody(bytes, context.req.headers['content-type'], maxJsonDepth, bodyInput!, bigIntegers)
    if (result.ok) {
      context.body = result.value
      proceed(context, params, query, errors, undefined)
    } else proceed(context, params, query, errors, result.errors)
  }

  function run(context: RequestContext, params: Record<string, string>, query: string): void {
    const req = context.req
    const errors = validateRequestParts(context, params, query)
    if (bodyInput === undefined) {
      if (form === undefined) proceed(context, params, query, errors, undefined)
      else form.read(context, params, query, errors, proceed, fail)
      return
    }
    readBody(req, bodyLimit).then(
      (bytes) => {
        try {
          withBody(context, params, query, errors, bytes)
        } catch (error) {
          fail(context, error, undefined)
        }
      },
      (error) => fail(context, error, undefined),
    )
  }

  const endpoint = (context: CapturedContext) => {
    run(context, context.pathParams, context.rawQuery)
    return context.captured()
  }
  const chain = composeMiddleware(route.middleware, endpoint)
  const respond = (context: CapturedContext, params: Record<string, string>, query: string) => {
    context.pathParams = params
    context.rawQuery = query
    return chain(context)
  }
  const handle: RouteHandler =
    route.middleware.length === 0
      ? (req, res, params, query) => run(new RequestContext(req, res), params, query)
      : (req, res, params, query) => {
          const context = new CapturedContext(req, res)
          context.pathParams = params
          context.rawQuery = query
          serveCaptured(context, chain, runtime)
        }

  return { handle, respond, inputs }
}
