import type { SchemaRegistry } from './schema-registry.js'
import type { ResponseObject } from './types.js'

// The 422 body every route with inputs may answer, exactly as FastAPI 0.115+ documents it
// (pydantic v2, OpenAPI 3.1), so clients generated for FastAPI apps keep working.
const ValidationError = {
  properties: {
    loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Location' },
    msg: { type: 'string', title: 'Message' },
    type: { type: 'string', title: 'Error Type' },
    input: { title: 'Input' },
    ctx: { type: 'object', title: 'Context' },
  },
  type: 'object',
  required: ['loc', 'msg', 'type'],
  title: 'ValidationError',
}

const HTTPValidationError = {
  properties: {
    detail: { items: { $ref: '#/components/schemas/ValidationError' }, type: 'array', title: 'Detail' },
  },
  type: 'object',
  title: 'HTTPValidationError',
}

/** The 422 response, registering the schemas it refers to. */
export function validationErrorResponse(registry: SchemaRegistry): ResponseObject {
  registry.define('ValidationError', ValidationError)
  registry.define('HTTPValidationError', HTTPValidationError)
  return {
    description: 'Validation Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
  }
}
