import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  type AnyDependency,
  compileDependencyPlan,
  type InputSchemas,
  mergeInputSchemas,
  RequestScope,
} from '@typefast/dependency-resolution'
import type { ResolvedRoute } from '@typefast/router'
import {
  compileBodyValidator,
  compileInputValidator,
  type InputValidator,
  missingBodyError,
  type ValidationErrorItem,
} from '@typefast/validation'
import { parse as parseCookies } from 'cookie'
import { parse as parseQuery } from 'fast-querystring'
import { parseJsonBody, readBody } from './body.js'
import { RequestValidationError } from './http-exception.js'
import { RequestContext } from './request-context.js'
import { compileResultSender } from './response-sender.js'

/** What the app gives every compiled route. */
export interface RouteRuntime {
  readonly bodyLimit: number
  readonly overrides: ReadonlyMap<AnyDependency, AnyDependency>
  /** Answer an error (the app's exception handlers); never throws. */
  handleError(error: unknown, context: RequestContext): void
  onTeardownError(error: unknown, dependencyName: string): void
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  query: string,
) => void

export interface CompiledRoute {
  readonly handle: RouteHandler
  /** The route's inputs merged with those of its dependencies: what is validated and documented. */
  readonly inputs: InputSchemas
}

type Validated = { value: Record<string, unknown> } | { errors: ValidationErrorItem[] }

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

function ownInputs(route: ResolvedRoute): InputSchemas {
  const { params, query, headers, cookies, body } = route.spec
  return { params, query, headers, cookies, body }
}

function check(validator: InputValidator, raw: Record<string, string | string[] | undefined>): Validated {
  const result = validator(raw)
  return result.ok ? { value: result.value } : { errors: result.errors }
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
  const validateCookies = inputs.cookies && compileInputValidator(inputs.cookies, 'cookie')
  const validateBody = inputs.body && compileBodyValidator(inputs.body)
  const send = compileResultSender(route.spec)
  const handler = route.handler
  const { bodyLimit, onTeardownError } = runtime

  function fail(context: RequestContext, error: unknown, scope: RequestScope | undefined): void {
    runtime.handleError(error, context)
    if (scope !== undefined) void scope.close(error)
  }

  function finish(context: RequestContext, value: unknown, scope: RequestScope | undefined): void {
    try {
      send(context, value)
    } catch (error) {
      fail(context, error, scope)
      return
    }
    if (scope !== undefined) void scope.close()
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

  function proceed(context: RequestContext, errors: ValidationErrorItem[] | undefined): void {
    if (errors !== undefined) {
      fail(context, new RequestValidationError(errors), undefined)
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

  /** Path, query, header and cookie inputs, every failing field reported at once as FastAPI does. */
  function validateRequestParts(context: RequestContext, params: Record<string, string>, query: string) {
    let errors: ValidationErrorItem[] | undefined
    const collect = (result: Validated): Record<string, unknown> | undefined => {
      if ('value' in result) return result.value
      errors = errors === undefined ? result.errors : errors.concat(result.errors)
      return undefined
    }
    if (validateParams === undefined) context.params = params
    else context.params = collect(check(validateParams, params)) ?? context.params
    if (validateQuery !== undefined) {
      context.query = collect(check(validateQuery, query === '' ? {} : parseQuery(query))) ?? context.query
    }
    if (validateHeaders !== undefined) {
      context.headers = collect(check(validateHeaders, context.req.headers)) ?? context.headers
    }
    if (validateCookies !== undefined) {
      const header = context.req.headers.cookie
      context.cookies = collect(check(validateCookies, header ? parseCookies(header) : {})) ?? context.cookies
    }
    return errors
  }

  function withBody(context: RequestContext, errors: ValidationErrorItem[] | undefined, bytes: Buffer): void {
    if (validateBody === undefined) {
      proceed(context, errors)
      return
    }
    const parsed = parseJsonBody(bytes, context.req.headers['content-type'])
    const result = parsed === undefined ? undefined : validateBody(parsed)
    let bodyErrors: ValidationErrorItem[] | undefined
    if (result === undefined) bodyErrors = [missingBodyError()]
    else if (result.ok) context.body = result.value
    else bodyErrors = result.errors
    proceed(context, bodyErrors === undefined ? errors : (errors ?? []).concat(bodyErrors))
  }

  const handle: RouteHandler = (req, res, params, query) => {
    const context = new RequestContext(req, res)
    const errors = validateRequestParts(context, params, query)
    if (validateBody === undefined) {
      proceed(context, errors)
      return
    }
    readBody(req, bodyLimit).then(
      (bytes) => {
        try {
          withBody(context, errors, bytes)
        } catch (error) {
          fail(context, error, undefined)
        }
      },
      (error) => fail(context, error, undefined),
    )
  }

  return { handle, inputs }
}
