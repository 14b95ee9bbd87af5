// Error items in pydantic v2's shape, so FastAPI clients and habits carry over.

export type ErrorLocation = 'path' | 'query' | 'header' | 'cookie' | 'body'

export interface ValidationErrorItem {
  type: string
  loc: (string | number)[]
  msg: string
  input: unknown
  ctx?: Record<string, unknown>
}

/** Malformed JSON, as FastAPI reports it (the position is a character offset into the body). */
export function jsonInvalidError(position: number, error: string): ValidationErrorItem {
  return { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error } }
}

/** A required body that was not sent. */
export function missingBodyError(): ValidationErrorItem {
  return { type: 'missing', loc: ['body'], msg: 'Field required', input: null }
}
