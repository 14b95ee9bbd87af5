import { handlerName, humanize } from './names.js'
import { buildParameters } from './parameters.js'
import { buildFormRequestBody, buildRequestBody } from './request-body.js'
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
  // Keys in FastAPI's order: tags, summary, description, operationId, parameters, requestBody, responses.
  const operation = {} as OperationObject
  if (route.tags.length > 0) operation.tags = [...route.tags]
  const summary = route.spec.summary ?? humanize(handlerName(route.name))
  // An anonymous handler has no name to make a summary of; the UIs show the path instead.
  if (summary !== '') operation.summary = summary
  if (route.spec.description !== undefined) operation.description = route.spec.description
  operation.operationId = operationId

  const parameters = buildParameters(route, inputs, registry, where)
  if (parameters.length > 0) operation.parameters = parameters
  const form = route.spec.form
  if (inputs.body !== undefined) operation.requestBody = buildRequestBody(inputs.body, registry, where)
  else if (form !== undefined) operation.requestBody = buildFormRequestBody(form, registry, where)

  operation.responses = buildResponses(route, registry, where)
  // FastAPI adds the 422 to every operation with inputs, unless the route documents its own.
  const hasInputs = parameters.length > 0 || inputs.body !== undefined || form !== undefined
  const covered = ['422', '4XX', 'default'].some((status) => status in operation.responses)
  if (hasInputs && !covered) operation.responses['422'] = validationErrorResponse(registry)

  if (route.deprecated) operation.deprecated = true
  if (source.security && source.security.length > 0) {
    // One requirement object per security dependency, as FastAPI writes them.
    operation.security = source.security.map(({ scheme, scopes }) => ({ [scheme]: [...scopes] }))
  }
  return operation
}
