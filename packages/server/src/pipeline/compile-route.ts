import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AnyDependency, InputSchemas } from '@typefast/dependency-resolution'
import {
  compileDependencyPlan,
  isAsyncGeneratorFunction,
  mergeInputSchemas,
} from '@typefast/dependency-resolution/internal'
import type { ResolvedRoute } from '@typefast/router/internal'
import { compileFormInput } from '../forms/form-input.js'
import type { FormLimits } from '../forms/form-limits.js'
import { CapturedContext } from '../middleware/captured-context.js'
import { composeMiddleware, serveCaptured } from '../middleware/middleware-chain.js'
import { compileJsonLinesAnswer } from '../responses/json-lines.js'
import type { HttpResponse } from '../responses/responses.js'
import { compileResultAnswer, responseSink, socketSink } from '../responses/result-answer.js'
import { compileBodyInput } from './body-input.js'
import { compileOrderedErrors } from './dependency-errors.js'
import { compileInputStage } from './input-stage.js'
import { type AnswerRuntime, responseOutcome, socketOutcome } from './outcome.js'
import { RequestContext } from './request-context.js'
import { buildRouteRun, type RouteStages } from './run-route.js'

/** What the app gives every compiled route. */
export interface RouteRuntime extends AnswerRuntime {
  readonly bodyLimit: number
  /** Deepest JSON nesting accepted in a body; 0: no limit. */
  readonly maxJsonDepth?: number
  /** Limits on `form` bodies. */
  readonly formLimits?: FormLimits
  readonly overrides: ReadonlyMap<AnyDependency, AnyDependency>
  onTeardownError(error: unknown, dependencyName: string): void
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  query: string,
) => void

export interface CompiledRoute {
  /** The direct path: runs the route and writes its answer to `res`. */
  readonly handle: RouteHandler
  /**
   * The response-object path: answers with the route's final response object instead of writing
   * it; the object itself when the route answered synchronously, a promise only when it waited.
   */
  readonly respond: (
    context: CapturedContext,
    params: Record<string, string>,
    query: string,
  ) => HttpResponse | Promise<HttpResponse>
  /** The route's inputs merged with those of its dependencies: what is validated and documented. */
  readonly inputs: InputSchemas
  /** The route reads its request as a node stream (a form's parser does): app.fetch then wraps it in one. */
  readonly streamsRequest: boolean
}

/** The inputs the route declares itself, before those of its dependencies are merged in. */
export function ownInputs(route: ResolvedRoute): InputSchemas {
  const { params, query, headers, cookies, body } = route.spec
  return { params, query, headers, cookies, body }
}

/** Names a compiled function after its route, so stack traces and profiles say which route ran. */
function named<F extends Function>(fn: F, name: string): F {
  return Object.defineProperty(fn, 'name', { value: name })
}

/**
 * Compile a route into the functions that serve it: inputs validated by precompiled validators,
 * the precomputed dependency plan, the handler, the precompiled serializer. Everything that can be
 * decided here is; the returned functions only run.
 */
export function compileRoute(route: ResolvedRoute, runtime: RouteRuntime): CompiledRoute {
  const label = `${route.method} ${route.path}`
  const plan = compileDependencyPlan(route.spec.deps, route.sharedDeps, { label, overrides: runtime.overrides })
  const inputs = mergeInputSchemas(ownInputs(route), plan.inputs, { a: label, b: `the dependencies of ${label}` })
  const stages: RouteStages = {
    input: compileInputStage(inputs),
    bodyInput: inputs.body && compileBodyInput(inputs.body, { strict: route.strict }),
    form: route.spec.form && compileFormInput(route.spec.form, runtime.formLimits, label, inputs.body),
    plan,
    orderedErrors: plan.empty ? undefined : compileOrderedErrors(plan, ownInputs(route)),
    handler: route.handler,
    bodyLimit: runtime.bodyLimit,
    maxJsonDepth: runtime.maxJsonDepth ?? 0,
    onTeardownError: runtime.onTeardownError,
  }
  const jsonLines = isAsyncGeneratorFunction(route.handler)
  const toSocket = jsonLines
    ? compileJsonLinesAnswer(route.spec, label, socketSink)
    : compileResultAnswer(route.spec, socketSink)
  const toResponse = jsonLines
    ? compileJsonLinesAnswer(route.spec, label, responseSink)
    : compileResultAnswer(route.spec, responseSink)
  const runDirect = buildRouteRun(stages, socketOutcome(toSocket, runtime), `route/${label}`)
  const runCaptured = buildRouteRun(stages, responseOutcome(toResponse, runtime), `route/${label}/response`)

  const endpoint = (context: CapturedContext) => {
    runCaptured(context, context.pathParams, context.rawQuery)
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
      ? (req, res, params, query) => runDirect(new RequestContext(req, res), params, query)
      : (req, res, params, query) => {
          const context = new CapturedContext(req, res)
          context.pathParams = params
          context.rawQuery = query
          serveCaptured(context, chain, runtime)
        }
  return {
    handle: named(handle, label),
    respond: named(respond, label),
    inputs,
    streamsRequest: stages.form !== undefined,
  }
}
