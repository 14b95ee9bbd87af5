import type { RequestInfo } from '@typefast/http'
import type { SendableResponse } from '@typefast/http/internal'

/** The answer a middleware gets from `next()`: it may change status, headers and body, or return another. */
export interface MiddlewareResponse extends SendableResponse {
  status: number
  readonly headers: Record<string, string | string[]>
  body: string | Buffer | undefined
}

/**
 * Code that runs around the routes below it (FastAPI's `@app.middleware("http")`): it sees the
 * request, calls `next()` for the final response, and returns that response or another one.
 * Composed once at start-up; a route with no middleware pays nothing.
 */
export type Middleware = (
  request: RequestInfo,
  next: () => Promise<MiddlewareResponse>,
) => MiddlewareResponse | Promise<MiddlewareResponse>
