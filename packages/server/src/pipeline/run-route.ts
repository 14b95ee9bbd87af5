import {
  canGenerate,
  type DependencyPlan,
  generate,
  generatingAtStartUp,
  RequestScope,
} from '@typefast/dependency-resolution/internal'
import type { ValidationErrorItem } from '@typefast/validation'
import { RequestValidationError } from '../exceptions/http-exception.js'
import type { FormInput } from '../forms/form-input.js'
import { readBody, readJsonBody } from './body.js'
import type { BodyInput } from './body-input.js'
import type { OrderedErrors } from './dependency-errors.js'
import type { InputStage } from './input-stage.js'
import type { Outcome } from './outcome.js'
import type { RequestContext } from './request-context.js'

/** A route's stages, compiled once: inputs, body or form, dependency plan, handler. */
export interface RouteStages {
  readonly input: InputStage
  readonly bodyInput: BodyInput | undefined
  readonly form: FormInput | undefined
  readonly plan: DependencyPlan
  readonly orderedErrors: OrderedErrors | undefined
  readonly handler: (context: any) => unknown
  readonly bodyLimit: number
  readonly maxJsonDepth: number
  readonly onTeardownError: (error: unknown, dependencyName: string) => void
}

/** What runs a route for one request: from the raw path parameters and query string to its outcome. */
export type RouteRun = (context: RequestContext, params: Record<string, string>, query: string) => void

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

function concat(errors: ValidationErrorItem[] | undefined, more: ValidationErrorItem[] | undefined) {
  return more === undefined ? errors! : errors === undefined ? more : errors.concat(more)
}

/** What a route's run calls besides its stages: passed in, so that `routeRunOf` has no free variable. */
const helpers = { RequestScope, RequestValidationError, readBody, readJsonBody, isThenable, concat }
type RunHelpers = typeof helpers

/**
 * The route's run, the stages in the request's order: inputs, body (JSON or form), dependencies,
 * handler, then `outcome`. Only the closures are made here; everything they call is compiled.
 * It reads nothing from this module's scope (what it calls comes in `helpers`), so that
 * `buildRouteRun` can compile a copy of its source per route.
 */
function routeRunOf(stages: RouteStages, outcome: Outcome, helpers: RunHelpers): RouteRun {
  const { RequestScope, RequestValidationError, readBody, readJsonBody, isThenable, concat } = helpers
  const { input, bodyInput, form, plan, orderedErrors, handler, bodyLimit, maxJsonDepth } = stages
  const { fail, finish } = outcome

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
    } else finish(context, result, scope)
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
    const scope = new RequestScope(stages.onTeardownError)
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
    const scope = new RequestScope(stages.onTeardownError)
    orderedErrors!(context, input.raw(context, params, query), bodyErrors, scope).then(
      (ordered) => fail(context, new RequestValidationError(ordered.length > 0 ? ordered : errors), scope),
      (error) => fail(context, error, scope),
    )
  }

  function withBody(
    context: RequestContext,
    params: Record<string, string>,
    query: string,
    errors: ValidationErrorItem[] | undefined,
    bytes: Buffer,
  ): void {
    const result = readJsonBody(bytes, context.req.headers['content-type'], maxJsonDepth, bodyInput!)
    if (result.ok) {
      context.body = result.value
      proceed(context, params, query, errors, undefined)
    } else proceed(context, params, query, errors, result.errors)
  }

  return function run(context, params, query) {
    const errors = input.validate(context, params, query)
    if (bodyInput === undefined) {
      if (form === undefined) proceed(context, params, query, errors, undefined)
      else form.read(context, params, query, errors, proceed, fail)
      return
    }
    readBody(context.req, bodyLimit).then(
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
}

/**
 * The run of one route, `what` naming it (`route/GET /items/{id}`). V8 keeps type feedback and
 * optimized code per function source, not per closure: closures made from one source share them,
 * so a route warmed up after another found the shared run optimized for the first one's shapes,
 * deoptimized it, and was compiled again thousands of requests later (GET /items/{id} after
 * GET /hello: 1.46x node:http's instructions at 5,000 warm-up requests). Each route therefore gets
 * its own copy of `routeRunOf`, compiled from the same source under its own sourceURL; where
 * code cannot be generated, or comes from a build, the shared one.
 */
export function buildRouteRun(stages: RouteStages, outcome: Outcome, what: string): RouteRun {
  // From a `typefast build` the shared run: a copy per route would add two functions per route
  // to the artifact (some 7 MB for 1,000 routes) and to its start-up.
  if (!canGenerate() || !generatingAtStartUp()) return routeRunOf(stages, outcome, helpers)
  const copy = generate<typeof routeRunOf>(what, [], `'use strict'\nreturn (${routeRunOf.toString()})`, [])
  try {
    return copy(stages, outcome, helpers)
  } catch {
    // A bundler that rewrote this module (esbuild's keepNames adds `__name` calls) leaves the
    // copy's source naming what only the module can see: the shared run works the same.
    return routeRunOf(stages, outcome, helpers)
  }
}
