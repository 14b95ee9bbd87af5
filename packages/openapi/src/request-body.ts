import { isEmbeddedBody, isJsonFormField } from '@typefast/router/internal'
import { isPlainObject } from './json.js'
import { type KeyOrder, withOwnTitle } from './pydantic-style.js'
import { requiredWithoutDefaults, type SchemaRegistry } from './schema-registry.js'
import type { RequestBodyObject, SchemaObject } from './types.js'

/** Where the operation's request body is written and what it is called in errors and component names. */
export interface BodyContext {
  registry: SchemaRegistry
  where: string
  operationId: string
  /** 'built' in an operation with parameters (see KeyOrder). */
  order: KeyOrder
}

/** A JSON body: required unless `Type.Optional` or given a default, as FastAPI documents it. */
export function buildRequestBody(body: unknown, context: BodyContext): RequestBodyObject {
  return requestBody('application/json', bodySchema(body, context), !isOptional(body), context.order)
}

/**
 * A form body: multipart/form-data when a field is a file (`format: binary`), else
 * application/x-www-form-urlencoded, as FastAPI documents `Form()` and `File()` parameters;
 * required when one of its fields is.
 */
export function buildFormRequestBody(form: unknown, context: BodyContext): RequestBodyObject {
  const mediaType = hasFileField(form) ? 'multipart/form-data' : 'application/x-www-form-urlencoded'
  const fields = isPlainObject(form) ? form : {}
  const required =
    Array.isArray(fields.required) && requiredWithoutDefaults(fields.required, fields.properties).length > 0
  return requestBody(mediaType, bodySchema(withJsonText(form), context), required, context.order)
}

/**
 * A field the server reads as JSON text is a string holding JSON, as pydantic documents
 * `Json[Model]`: `{type: 'string', contentMediaType: 'application/json', contentSchema: Model}`.
 */
function withJsonText(form: unknown): unknown {
  if (!isPlainObject(form) || !isPlainObject(form.properties)) return form
  const fields = Object.entries(form.properties)
  if (!fields.some(([, field]) => isJsonFormField(field))) return form
  const properties = Object.fromEntries(
    fields.map(([name, field]) =>
      isJsonFormField(field)
        ? [name, { type: 'string', contentMediaType: 'application/json', contentSchema: field }]
        : [name, field],
    ),
  )
  return { ...form, properties }
}

/**
 * An object body without an $id is what FastAPI makes of several body parameters, an embedded
 * one or form fields: the component `Body_<operationId>`. Any other body without a name is titled
 * 'Body', the title of FastAPI's `body: list[Item]` (the handler reads it as `body`).
 */
function bodySchema(body: unknown, { registry, where, operationId, order }: BodyContext): SchemaObject {
  if (isEmbeddedBody(body)) {
    return registry.convert({ ...(body as object), $id: `Body_${operationId}` }, where)
  }
  return withOwnTitle(registry.convert(body, where, order), 'Body', order)
}

// `required` is written only when true: before `content` as FastAPI builds it, after it in the
// model order.
function requestBody(mediaType: string, schema: SchemaObject, required: boolean, order: KeyOrder): RequestBodyObject {
  const content = { [mediaType]: { schema } }
  if (!required) return { content }
  return order === 'built' ? { required, content } : { content, required }
}

/** TypeBox marks `Type.Optional` with a hidden '~optional'; a default also makes the body optional (FastAPI). */
function isOptional(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const marked = schema as { '~optional'?: unknown; default?: unknown }
  return marked['~optional'] === true || 'default' in marked
}

function hasFileField(form: unknown): boolean {
  const properties = isPlainObject(form) && isPlainObject(form.properties) ? form.properties : {}
  return Object.values(properties).some(isFile)
}

/** A file, a list of files, or either of them nullable. */
function isFile(schema: unknown): boolean {
  if (!isPlainObject(schema)) return false
  if (schema.type === 'string' && schema.format === 'binary') return true
  if (schema.type === 'array') return isFile(schema.items)
  return Array.isArray(schema.anyOf) && schema.anyOf.some(isFile)
}
