import { STATUS_CODES } from 'node:http'
import type { ValidationErrorItem } from '@typefast/validation'

/** Raise it anywhere in a handler or dependency to answer `{"detail": detail}` with `status`. */
export class HTTPException extends Error {
  readonly status: number
  readonly detail: unknown
  readonly headers: Readonly<Record<string, string>> | undefined

  constructor(status: number, detail?: unknown, headers?: Record<string, string>) {
    const reason = STATUS_CODES[status] ?? 'Error'
    super(typeof detail === 'string' ? detail : reason)
    this.name = 'HTTPException'
    this.status = status
    this.detail = detail ?? reason
    this.headers = headers
  }
}

/** Invalid request inputs: answered 422 with FastAPI's `{"detail": [...]}` unless a handler overrides it. */
export class RequestValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[]

  constructor(errors: readonly ValidationErrorItem[]) {
    super(`${errors.length} validation error${errors.length === 1 ? '' : 's'}`)
    this.name = 'RequestValidationError'
    this.errors = errors
  }
}
