import type { AnyDependency, InputSchemas } from '@typefast/dependency-resolution'
import {
  type DependencyPlan,
  type InputCheck,
  type ParameterKey,
  parameterLocations,
  type RequestScope,
  type ResolveContext,
} from '@typefast/dependency-resolution/internal'
import type { ValidationErrorItem } from '@typefast/validation'
import { compileInputValidator, type InputValidator, type RawInput } from '@typefast/validation/internal'
import type { RequestContext } from './request-context.js'

/** The raw request parts, as the route's validators read them. */
export type RawParts = Readonly<Record<'params' | 'query' | 'headers' | 'cookies', RawInput>>

interface PartValidators {
  readonly params: InputValidator | undefined
  readonly query: InputValidator | undefined
  readonly headers: InputValidator | undefined
  readonly cookies: InputValidator | undefined
  readonly readsBody: boolean
}

/**
 * The errors of a request whose inputs did not all validate, in FastAPI's order: each
 * dependency's (after its sub-dependencies', each dependency without errors called on the way,
 * so one that raises, a 401 say, is the answer), then the route's own path, query, header and
 * cookie errors, then the body's. `bodyErrors` are the body's (or form's) errors, if any.
 */
export type OrderedErrors = (
  context: RequestContext,
  raw: RawParts,
  bodyErrors: ValidationErrorItem[] | undefined,
  scope: RequestScope,
) => Promise<ValidationErrorItem[]>

/** Compiled at start-up: a validator per location for each dependency and for the route itself. */
export function compileOrderedErrors(plan: DependencyPlan, own: InputSchemas): OrderedErrors {
  const byDependency = new Map<AnyDependency, PartValidators>()
  for (const dep of plan.dependencies) byDependency.set(dep, partValidators(dep.spec ?? {}))
  const route = partValidators(own)

  return async (context, raw, bodyErrors, scope) => {
    const check = (dep: AnyDependency): InputCheck<ValidationErrorItem> => {
      const validators = byDependency.get(dep)!
      const checked = checkParts(validators, raw)
      if (checked.errors !== undefined) return { errors: checked.errors }
      // Its body errors are reported once, with the route's; it is not called without its body.
      if (validators.readsBody && bodyErrors !== undefined) return { errors: [] }
      return { context: new DependencyView(context, checked.values) }
    }
    const errors = await plan.solveInOrder(scope, check)
    const routeErrors = checkParts(route, raw).errors
    if (routeErrors !== undefined) errors.push(...routeErrors)
    if (bodyErrors !== undefined) errors.push(...bodyErrors)
    return errors
  }
}

function partValidators(schemas: InputSchemas): PartValidators {
  const validators: Record<ParameterKey, InputValidator | undefined> = {
    params: undefined,
    query: undefined,
    headers: undefined,
    cookies: undefined,
  }
  for (const location of parameterLocations) {
    const schema = schemas[location.key]
    if (schema !== undefined) validators[location.key] = compileInputValidator(schema, location.in)
  }
  return { ...validators, readsBody: schemas.body !== undefined }
}

type PartValues = Record<'params' | 'query' | 'headers' | 'cookies', Record<string, unknown>>

const none: Readonly<Record<string, unknown>> = Object.freeze({})

function checkParts(
  validators: PartValidators,
  raw: RawParts,
): { errors: ValidationErrorItem[]; values?: undefined } | { errors?: undefined; values: PartValues } {
  const values: PartValues = { params: none, query: none, headers: none, cookies: none }
  let errors: ValidationErrorItem[] | undefined
  for (const { key: part } of parameterLocations) {
    const validate = validators[part]
    if (validate === undefined) continue
    const result = validate(raw[part])
    if (result.ok) values[part] = result.value
    else (errors ??= []).push(...result.errors)
  }
  return errors === undefined ? { values } : { errors }
}

/** What one dependency is called with on the error path: its own validated inputs. */
class DependencyView implements ResolveContext {
  readonly params: Record<string, unknown>
  readonly query: Record<string, unknown>
  readonly headers: Record<string, unknown>
  readonly cookies: Record<string, unknown>
  readonly body: unknown
  readonly #context: RequestContext

  constructor(context: RequestContext, values: PartValues) {
    this.params = values.params
    this.query = values.query
    this.headers = values.headers
    this.cookies = values.cookies
    this.body = context.body
    this.#context = context
  }

  get request() {
    return this.#context.request
  }

  get response() {
    return this.#context.response
  }

  get background() {
    return this.#context.background
  }
}
