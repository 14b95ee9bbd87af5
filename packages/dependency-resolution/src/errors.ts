import { TypefastError } from './typefast-error.js'

// Every error a dependency declaration can cause, one class and one code each; the catalogue is
// docs/reference/errors.md. All but the last two surface at start-up.

/** `dependency(spec, fn)` without a function. */
export class InvalidDependencyError extends TypefastError {
  constructor(got: unknown) {
    super(
      'TF_INVALID_DEPENDENCY',
      `dependency(spec, fn): fn must be a function, got ${got === null ? 'null' : typeof got}. Pass the function that makes the value, as in dependency({ query }, ({ query }) => ...).`,
    )
  }
}

/** A `deps` entry that is a plain function or value, not made by `dependency()`. */
export class NotADependencyError extends TypefastError {
  constructor(route: string, where: string) {
    super(
      'TF_NOT_A_DEPENDENCY',
      `${route}: ${where} is not a dependency (wrap the function in dependency(), as in deps: { db: dependency(openDb) })`,
    )
  }
}

/** Dependencies that need each other, so none can be resolved first. */
export class DependencyCycleError extends TypefastError {
  readonly cycle: readonly string[]

  constructor(route: string, cycle: readonly string[]) {
    super(
      'TF_DEPENDENCY_CYCLE',
      `${route}: dependency cycle: ${cycle.join(' -> ')}. Break it: remove '${cycle.at(-1)}' from the deps of ` +
        `'${cycle.at(-2)}', or move what they share into a dependency of its own that depends on neither.`,
    )
    this.cycle = cycle
  }
}

/** `security(dep, { scopes })` with an empty scope or one holding spaces. */
export class InvalidScopeError extends TypefastError {
  constructor(dependencyName: string, scope: unknown) {
    super(
      'TF_INVALID_SCOPE',
      `security(${dependencyName}): each scope must be a non-empty string without spaces, got ${JSON.stringify(scope)}. Write one scope per array item, as in scopes: ['items:read', 'items:write'].`,
    )
  }
}

/** The same input name declared with different schemas by a route and a dependency (or two dependencies). */
export class InputConflictError extends TypefastError {
  constructor(prefix: string, what: string, first: string, second: string) {
    super(
      'TF_INPUT_CONFLICT',
      `${prefix}${what} is declared differently by ${first} and ${second}. Declare it with the same schema in both, or rename one.`,
    )
  }
}

/** A dependency's code ended without `yield`ing its value (a generator dependency). Raised while serving. */
export class DependencyNoYieldError extends TypefastError {
  constructor(route: string, dependencyName: string) {
    super(
      'TF_DEPENDENCY_NO_YIELD',
      `${route}: dependency '${dependencyName}' returned without yielding a value. Yield its value once, as in try { yield conn } finally { conn.close() }.`,
    )
  }
}

/** A generator dependency yielded twice; it is closed after the first (its finally blocks run). Raised while serving. */
export class DependencyYieldedTwiceError extends TypefastError {
  constructor(dependencyName: string) {
    super(
      'TF_DEPENDENCY_YIELDED_TWICE',
      `dependency '${dependencyName}' yielded more than once. Yield exactly one value; put the teardown after it, in a finally block.`,
    )
  }
}
