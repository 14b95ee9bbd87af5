import { isStatusMap, type ResolvedRoute, type ResponseSchemas } from '@typefast/router'
import type { SchemaRegistry } from './schema-registry.js'
import { reasonPhrase } from './status-text.js'
import type { ResponseObject } from './types.js'

/**
 * The route's own responses, then the extra documented ones, as FastAPI orders them. The 422 response
 * is added by the caller, which knows whether the operation has inputs.
 */
export function buildResponses(
  route: ResolvedRoute,
  registry: SchemaRegistry,
  where: string,
): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {}
  for (const [status, schema] of successSchemas(route.spec.response, route.spec.status)) {
    const description = route.responses[status]?.description ?? defaultDescription(status)
    responses[status] = withContent({ description }, status, schema ?? {}, registry, where)
  }
  for (const [key, doc] of Object.entries(route.responses)) {
    const status = Number(key)
    const existing = responses[key]
    if (existing) {
      // Documented twice (the route's own status and an extra entry): the extra entry's schema wins if given.
      if (doc.schema) responses[key] = withContent(existing, status, doc.schema, registry, where)
      continue
    }
    const response: ResponseObject = { description: doc.description ?? reasonPhrase(status) }
    // As FastAPI: an extra response without a model documents no content.
    responses[key] = doc.schema ? withContent(response, status, doc.schema, registry, where) : response
  }
  return responses
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

/** 1xx, 204 and 304 answers have no body, so they document no content. */
function withContent(
  response: ResponseObject,
  status: number,
  schema: unknown,
  registry: SchemaRegistry,
  where: string,
): ResponseObject {
  if (status < 200 || status === 204 || status === 304) return response
  return { ...response, content: { 'application/json': { schema: registry.convert(schema, where) } } }
}
