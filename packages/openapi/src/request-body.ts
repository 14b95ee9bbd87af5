import type { SchemaRegistry } from './schema-registry.js'
import type { MediaTypeObject, RequestBodyObject } from './types.js'

/**
 * The request body. Each accepted media type maps to its schema; JSON is the only one today, and
 * form or multipart bodies will add their entries to the same map.
 */
export function buildRequestBody(body: unknown, registry: SchemaRegistry, where: string): RequestBodyObject {
  const content: Record<string, MediaTypeObject> = {
    'application/json': { schema: registry.convert(body, where) },
  }
  return { content, required: !isOptional(body) }
}

/** TypeBox marks `Type.Optional` with a hidden '~optional'; a default also makes the body optional (FastAPI). */
function isOptional(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const marked = schema as { '~optional'?: unknown; default?: unknown }
  return marked['~optional'] === true || 'default' in marked
}
