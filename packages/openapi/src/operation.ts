import { handlerName, humanize } from './names.js'
import { buildParameters } from './parameters.js'
import type { KeyOrder } from './pydantic-style.js'
import { type BodyContext, buildFormRequestBody, buildRequestBody } from './request-body.js'
import { buildResponses } from './responses.js'
import type { SchemaRegistry } from './schema-registry.js'
import type { OperationObject, OperationSource } from './types.js'
import { validationErrorResponse } from './validation-error.js'

/** One operation object; `operationId` is already unique in the document. */
export function buildOperation(
  source: OperationSource,
  operationId: string,
  registry: SchemaRegistry,
): OperationObject {
  const { route, inputs } = source
  const where = `${route.method} ${route.path}`
  // Keys as FastAPI builds them: tags, summary, description, operationId, deprecated, security,
  // parameters, requestBody, responses; an operation without parameters is then put in its
  // model's order (see KeyOrder).
  const operation = {} as OperationObject
  if (route.tags.length > 0) operation.tags = [...route.tags]
  const summary = route.spec.summary ?? humanize(handlerName(route.name))
  // An anonymous handler has no name to make a summary of; the UIs show the path instead.
  if (summary !== '') operation.summary = summary
  if (route.spec.description !== undefined) operation.description = route.spec.description
  operation.operationId = operationId
  if (route.deprecated) operation.deprecated = true
  if (source.security && source.security.length > 0) {
    // One requirement object per security dependency, as FastAPI writes them.
    operation.security = source.security.map(({ scheme, scopes }) => ({ [scheme]: [...scopes] }))
  }

  const parameters = buildParameters(route, inputs, registry, where)
  if (parameters.length > 0) operation.parameters = parameters
  const order: KeyOrder = parameters.length > 0 ? 'built' : 'model'
  const form = route.spec.form
  const body: BodyContext = { registry, where, operationId, order }
  if (inputs.body !== undefined) operation.requestBody = buildRequestBody(inputs.body, body)
  else if (form !== undefined) operation.requestBody = buildFormRequestBody(form, body)

  operation.responses = buildResponses(route, operationId, order, registry, where)
  // FastAPI adds the 422 to every operation with inputs, unless the route documents its own.
  const hasInputs = parameters.length > 0 || inputs.body !== undefined || form !== undefined
  const covered = ['422', '4XX', 'default'].some((status) => status in operation.responses)
  if (hasInputs && !covered) operation.responses['422'] = validationErrorResponse(registry)
  return order === 'built' ? operation : inModelOrder(operation)
}

/** The keys of FastAPI's Operation model, in its order: deprecated and security after the responses. */
const OPERATION_KEYS = [
  'tags',
  'summary',
  'description',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'deprecated',
  'security',
] as const

function inModelOrder(operation: OperationObject): OperationObject {
  const out: Record<string, unknown> = {}
  for (const key of OPERATION_KEYS) if (operation[key] !== undefined) out[key] = operation[key]
  return out as unknown as OperationObject
}
