/**
 * True for an object body without an `$id`: what FastAPI makes of several body parameters (or
 * one declared with `embed=True`). Each property is then a body parameter of its own: the server
 * reports a missing one at `["body", name]` with `input: null`, and the OpenAPI document names
 * the schema `Body_<operationId>`. A named schema, or any other, is one body parameter.
 */
export function isEmbeddedBody(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const object = schema as { type?: unknown; properties?: unknown; $id?: unknown }
  return object.$id === undefined && typeof object.properties === 'object' && object.properties !== null
}

/**
 * True for a form field whose value travels as JSON text: an object, or an array of anything but
 * scalars (pydantic's `Json[Model]`). The server parses it; the OpenAPI document says so.
 */
export function isJsonFormField(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const field = schema as { type?: unknown; items?: { type?: unknown }; properties?: unknown }
  if (field.type === 'object') return true
  if (field.type !== 'array') return field.type === undefined && field.properties !== undefined
  const items = field.items
  return items === undefined || items.type === 'object' || items.type === 'array' || items.type === undefined
}
