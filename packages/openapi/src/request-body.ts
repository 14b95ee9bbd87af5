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

function hasFileField(form: unknown): boolean {
  const properties = (form as { properties?: Record<string, { type?: unknown; format?: unknown; items?: unknown }> })
    .properties
  return Object.values(properties ?? {}).some((field) => {
    const item = (field.type === 'array' ? field.items : field) as { type?: unknown; format?: unknown } | undefined
    return item?.type === 'string' && item.format === 'binary'
  })
}

/**
 * A form body: multipart/form-data when a field is a file (`format: binary`), else
 * application/x-www-form-urlencoded, as FastAPI documents `Form()` and `File()` parameters.
 */
export function buildFormRequestBody(form: unknown, registry: SchemaRegistry, where: string): RequestBodyObject {
  const mediaType = hasFileField(form) ? 'multipart/form-data' : 'application/x-www-form-urlencoded'
  const required = ((form as { required?: unknown[] }).required ?? []).length > 0
  return { content: { [mediaType]: { schema: registry.convert(form, where) } }, required }
}
