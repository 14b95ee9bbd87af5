import { InvalidDependencyError } from './errors.js'
import type { InputSpec, Inputs } from './inputs.js'
import type { SecurityRole, SecurityScheme } from './security.js'

export interface DependencyOptions {
  /** Resolve again each time it is asked for within a request, instead of once. Default true. */
  cache?: boolean
  /** A name for error messages and logs; defaults to the function's name. */
  name?: string
  /** Marks it as a security scheme: documented in components.securitySchemes and in the `security` of every operation using it. */
  securityScheme?: SecurityScheme
}

/** The value a dependency function resolves to: awaited, or what a generator yields (awaited too). */
export type Resolved<R> =
  R extends AsyncGenerator<infer Y, any, any> ? Y : R extends Generator<infer Y, any, any> ? Awaited<Y> : Awaited<R>

export type DependencyFunction<S extends InputSpec = any> = (inputs: Inputs<S>) => unknown

/** A dependency value: declared once, resolved per request wherever a route or dependency asks for it. */
export interface Dependency<Value = unknown, S extends InputSpec = InputSpec> {
  readonly kind: 'dependency'
  readonly spec: S
  readonly fn: DependencyFunction<S>
  readonly cache: boolean
  readonly name: string
  /** Set on security schemes (oauth2PasswordBearer(), httpBasic(), …). */
  readonly securityScheme?: SecurityScheme
  /** Set by security(dep, { scopes }) and on securityScopes; see security.ts. */
  readonly securityRole?: SecurityRole
  /** Type-level only: the resolved value. */
  readonly '~value'?: Value
}

export type AnyDependency = Dependency<any, any>

export type DepsSpec = Record<string, AnyDependency>

export type DepsValues<D extends DepsSpec> = { [K in keyof D]: D[K] extends Dependency<infer V, any> ? V : never }

/**
 * Declare a dependency: an optional spec of the inputs it needs (params, query, headers,
 * cookies, body, deps) and a function, async function or generator that makes its value.
 * The code after a generator's `yield` runs after the response has been sent.
 */
export function dependency<R>(fn: (inputs: Inputs<{}>) => R, options?: DependencyOptions): Dependency<Resolved<R>, {}>
export function dependency<S extends InputSpec, R>(
  spec: S,
  fn: (inputs: Inputs<S>) => R,
  options?: DependencyOptions,
): Dependency<Resolved<R>, S>
export function dependency(
  specOrFn: InputSpec | DependencyFunction,
  fnOrOptions?: DependencyFunction | DependencyOptions,
  maybeOptions?: DependencyOptions,
): AnyDependency {
  const hasSpec = typeof specOrFn !== 'function'
  const spec = hasSpec ? (specOrFn as InputSpec) : {}
  const fn = (hasSpec ? fnOrOptions : specOrFn) as DependencyFunction
  const options = (hasSpec ? maybeOptions : (fnOrOptions as DependencyOptions | undefined)) ?? {}
  if (typeof fn !== 'function') throw new InvalidDependencyError(fn)
  return Object.freeze({
    kind: 'dependency',
    spec,
    fn,
    cache: options.cache ?? true,
    name: options.name ?? (fn.name || anonymousName()),
    ...(options.securityScheme === undefined ? {} : { securityScheme: options.securityScheme }),
  })
}

const anonymous = 'anonymous dependency'

// Arrow functions passed straight to dependency() have no name; the place they were declared
// (read once, at start-up) makes error messages such as a cycle report point somewhere.
function anonymousName(): string {
  // Frames: the message, anonymousName, dependency, then the caller.
  const caller = new Error().stack?.split('\n')[3]
  const place = caller && /([^/\\()\s]+:\d+):\d+\)?\s*$/.exec(caller)?.[1]
  return place ? `${anonymous} (${place})` : anonymous
}

/**
 * A dependency's name without the place an anonymous one was declared at: a bundler moves that
 * place (into `worker.js:35215`), so what identifies an app for its build must not hold it.
 */
export function nameWithoutPlace(name: string): string {
  return name.startsWith(`${anonymous} (`) ? anonymous : name
}

export function isDependency(value: unknown): value is AnyDependency {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'dependency'
}
