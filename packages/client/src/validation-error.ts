/** One failing input, as FastAPI reports it: `loc` starts with path, query, header, cookie or body. */
export interface ValidationError {
  type: string
  loc: (string | number)[]
  msg: string
  input?: unknown
  ctx?: Record<string, unknown>
}

/** The 422 body of a request whose inputs did not validate (FastAPI's HTTPValidationError). */
export interface HTTPValidationError {
  detail: ValidationError[]
}
