/**
 * The base of every error a typefast app's declaration can cause at start-up (a bad path, a
 * dependency cycle, a duplicate schema `$id`, ...). Each package lists its own subclasses in its
 * `errors.ts`; `code` is stable across releases, so tooling and tests can match on it, and the
 * message names the route and the fix. Errors raised while serving a request are HTTP errors,
 * not these.
 */
export class TypefastError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }
}
