export interface CookieOptions {
  maxAge?: number
  expires?: Date
  path?: string
  domain?: string
  secure?: boolean
  httpOnly?: boolean
  sameSite?: 'strict' | 'lax' | 'none'
  partitioned?: boolean
}

/** The response being built: handlers and dependencies set its status, headers and cookies. */
export interface ResponseControl {
  /** The status to answer with; undefined means the route's declared status. */
  status: number | undefined
  readonly headers: Record<string, string | string[]>
  setHeader(name: string, value: string | string[]): void
  setCookie(name: string, value: string, options?: CookieOptions): void
  deleteCookie(
    name: string,
    options?: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'httpOnly' | 'sameSite'>,
  ): void
}

/**
 * Marker of a value the server sends as it is (json, html, text, redirect, stream, file, sse):
 * a handler may return one instead of data for its response schema.
 */
export interface SendableResponse {
  readonly sendable: true
}
