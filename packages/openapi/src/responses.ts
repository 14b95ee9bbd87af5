import { isAsyncGeneratorFunction } from '@typefast/dependency-resolution/internal'
import type { ResponseSchemas } from '@typefast/router'
import { isStatusMap, type ResolvedRoute } from '@typefast/router/internal'
import { pydanticTitle } from './names.js'
import { type KeyOrder, withOwnTitle } from './pydantic-style.js'
import type { SchemaRegistry } from './schema-registry.js'
import { reasonPhrase } from './status-text.js'
import type { ResponseObject, SchemaObject } from './types.js'

/**
 * The route's own responses, then the extra documented ones, as FastAPI orders them. The 422 response
 * is added by the caller, which knows whether the operation has inputs.
 */
export function buildResponses(
  route: ResolvedRoute,
  operationId: string,
  order: KeyOrder,
  registry: SchemaRegistry,
  where: string,
): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {}
  const mainStatus = route.spec.status ?? 200
  const jsonLines = isAsyncGeneratorFunction(route.handler)
  const convert = (status: number, schema: unknown) => {
    // pydantic titles an unnamed response model after FastAPI's field: 'Response_<id>' for the
    // route's own status, 'Response_<status>_<id>' for the others, 'StreamItem_<id>' for a line.
    const main = jsonLines ? `StreamItem_${operationId}` : `Response_${operationId}`
    const field = status === mainStatus ? main : `Response_${status}_${operationId}`
    const converted = registry.convert(schema, where, order)
    return Object.keys(converted).length === 0 ? converted : withOwnTitle(converted, pydanticTitle(field), order)
  }
  // FastAPI builds an extra response's content first and adds a default description after it.
  const extra = (response: ResponseObject, describedByUser: boolean): ResponseObject =>
    order === 'built' && !describedByUser && response.content !== undefined
      ? { content: response.content, description: response.description }
      : response
  for (const [status, schema] of successSchemas(route.spec.response, route.spec.status)) {
    const given = route.responses[status]?.description
    const response = withContent(
      { description: given ?? defaultDescription(status) },
      status,
      () => (schema === undefined ? {} : convert(status, schema)),
      route.responses[status]?.mediaType,
    )
    // Another status of a status map is FastAPI's `responses={404: {"model": ...}}`.
    if (status !== mainStatus) responses[status] = extra(response, given !== undefined)
    else responses[status] = jsonLines && response.content ? asJsonLines(response) : response
  }
  for (const [key, doc] of Object.entries(route.responses)) {
    const status = Number(key)
    const existing = responses[key]
    if (existing) {
      // Documented twice (the route's own status and an extra entry): the extra entry's schema wins if given.
      if (doc.schema) responses[key] = withContent(existing, status, () => convert(status, doc.schema), doc.mediaType)
      continue
    }
    const response: ResponseObject = { description: doc.description ?? reasonPhrase(status) }
    // As FastAPI: an extra response without a model documents no content.
    responses[key] = doc.schema
      ? extra(
          withContent(response, status, () => convert(status, doc.schema), doc.mediaType),
          doc.description !== undefined,
        )
      : response
  }
  return responses
}

/**
 * An `async function*` route answers JSON Lines: `application/jsonl`, each line one item. FastAPI
 * 0.142.2 writes the item under OpenAPI 3.2's `itemSchema`, which a 3.1 document may not hold;
 * typefast writes it as the media type's `schema`, so the document stays valid 3.1.
 */
function asJsonLines(response: ResponseObject): ResponseObject {
  const schema = response.content?.['application/json']?.schema ?? {}
  return { ...response, content: { 'application/jsonl': { schema } } }
}

/** Each status with its schema: `response` is one schema for `status`, or a map from statuses to schemas. */
function successSchemas(response: ResponseSchemas | undefined, status: number | undefined): [number, unknown][] {
  if (isStatusMap(response)) {
    const entries: [number, unknown][] = Object.entries(response).map(([key, schema]) => [Number(key), schema])
    if (status !== undefined && !(status in response)) entries.unshift([status, undefined])
    return entries
  }
  return [[status ?? 200, response]]
}

function defaultDescription(status: number): string {
  return status >= 200 && status < 300 ? 'Successful Response' : reasonPhrase(status)
}

/**
 * 1xx, 204 and 304 answers have no body, so they document no content. Server-sent events without
 * a schema are documented by the fields of an event, as FastAPI documents EventSourceResponse
 * (under `schema`, where FastAPI writes OpenAPI 3.2's `itemSchema`: see asJsonLines).
 */
function withContent(
  response: ResponseObject,
  status: number,
  schema: () => SchemaObject,
  mediaType = 'application/json',
): ResponseObject {
  if (status < 200 || status === 204 || status === 304) return response
  const written = schema()
  const events = mediaType === 'text/event-stream' && Object.keys(written).length === 0
  return { ...response, content: { [mediaType]: { schema: events ? serverSentEvent() : written } } }
}

/** The fields of one event on the wire (a fresh copy: documents are mutable). */
const serverSentEvent = (): SchemaObject => ({
  type: 'object',
  properties: {
    data: { type: 'string' },
    event: { type: 'string' },
    id: { type: 'string' },
    retry: { type: 'integer', minimum: 0 },
  },
})
