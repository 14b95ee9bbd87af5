import type { AnyDependency, Dependency, DepsSpec } from './dependency.js'
import { InvalidScopeError } from './errors.js'

/**
 * A security scheme as OpenAPI documents it: `name` is its key in `components.securitySchemes`,
 * `definition` the Security Scheme Object (`{ type: 'oauth2', flows: … }`, `{ type: 'http', scheme: 'basic' }`, …).
 */
export interface SecurityScheme {
  readonly name: string
  readonly definition: Readonly<Record<string, unknown>>
}

/** One security requirement of an operation: a scheme and the scopes asked of it. */
export interface SecurityRequirement {
  readonly scheme: SecurityScheme
  readonly scopes: readonly string[]
}

/**
 * What the dependency graph treats specially: a `security(dep, { scopes })` wrapper, or the
 * `securityScopes` value itself. Set only by this module.
 */
export type SecurityRole =
  | { readonly kind: 'scopes'; readonly of: AnyDependency; readonly scopes: readonly string[] }
  | { readonly kind: 'securityScopes' }

/**
 * The scopes required by the dependencies that use this one, accumulated down the dependency
 * graph by `security(dep, { scopes })` (FastAPI's SecurityScopes): outermost first, each once.
 */
export class SecurityScopes {
  readonly scopes: readonly string[]
  /** The scopes joined by spaces, as an OAuth2 `scope` parameter or `WWW-Authenticate` value writes them. */
  readonly scopeStr: string

  constructor(scopes: readonly string[] = []) {
    this.scopes = Object.freeze([...scopes])
    this.scopeStr = this.scopes.join(' ')
    Object.freeze(this)
  }
}

/**
 * Ask for it in `deps` to receive the `SecurityScopes` that the dependents of your dependency
 * require: `dependency({ deps: { securityScopes, token: oauth2Scheme } }, ({ deps }) => …)`.
 */
export const securityScopes: Dependency<SecurityScopes, {}> = Object.freeze({
  kind: 'dependency',
  spec: {},
  fn: () => new SecurityScopes(),
  cache: true,
  name: 'securityScopes',
  securityRole: Object.freeze({ kind: 'securityScopes' }),
})

export interface SecurityOptions {
  /** OAuth2 scopes this use of the dependency requires; they reach every dependency below it. */
  scopes?: readonly string[]
}

/**
 * Use `dep` requiring `scopes` (FastAPI's `Security(dep, scopes=[...])`): the scopes accumulate
 * down the graph into every `securityScopes` below, and into the operation's OpenAPI `security`.
 * The value is the same as `dep`'s; the same dependency used with other scopes resolves apart.
 */
export function security<D extends AnyDependency>(dep: D, options: SecurityOptions = {}): D {
  const scopes = options.scopes ?? []
  for (const scope of scopes) {
    if (typeof scope !== 'string' || scope === '' || /\s/.test(scope))
      throw new InvalidScopeError(dep?.name ?? 'dep', scope)
  }
  return Object.freeze({
    kind: 'dependency',
    spec: dep.spec,
    fn: dep.fn,
    cache: dep.cache,
    name: dep.name,
    securityRole: Object.freeze({ kind: 'scopes', of: dep, scopes: Object.freeze([...scopes]) }),
  }) as unknown as D
}

/** `parent` followed by those of `own` not in it, as FastAPI orders them. */
export function addScopes(parent: readonly string[], own: readonly string[]): readonly string[] {
  if (own.length === 0) return parent
  const scopes = [...parent]
  for (const scope of own) if (!scopes.includes(scope)) scopes.push(scope)
  return scopes
}

/** Peels `security()` wrappers off: the dependency meant and the scopes accumulated on the way. */
export function unwrapSecurity(
  dep: AnyDependency,
  scopes: readonly string[],
): { dependency: AnyDependency; scopes: readonly string[] } {
  let current = dep
  let accumulated = scopes
  while (current.securityRole?.kind === 'scopes') {
    accumulated = addScopes(accumulated, current.securityRole.scopes)
    current = current.securityRole.of
  }
  return { dependency: current, scopes: accumulated }
}

/**
 * Whether a dependency's value may depend on the scopes it is reached with: it is a security
 * scheme, asks for `securityScopes`, or something below it does (or adds scopes). Such a
 * dependency resolves once per distinct set of scopes instead of once per request.
 */
export function scopeSensitivity(
  overrides: ReadonlyMap<AnyDependency, AnyDependency> | undefined,
): (dep: AnyDependency) => boolean {
  const known = new Map<AnyDependency, boolean>()
  const sensitive = (candidate: AnyDependency): boolean => {
    const role = candidate.securityRole
    if (role?.kind === 'scopes') return role.scopes.length > 0 || sensitive(role.of)
    const dep = overrides?.get(candidate) ?? candidate
    if (dep.securityRole !== undefined || dep.securityScheme !== undefined) return true
    const seen = known.get(dep)
    if (seen !== undefined) return seen
    known.set(dep, false) // a cycle is reported by the graph; here it just ends the walk
    let result = false
    for (const sub of Object.values<AnyDependency>(dep.spec?.deps ?? {})) {
      if (sub && sensitive(sub)) {
        result = true
        break
      }
    }
    known.set(dep, result)
    return result
  }
  return sensitive
}

/** The cache key of a scope set: order does not matter, as in FastAPI. */
export function scopesKey(scopes: readonly string[]): string {
  return scopes.length === 0 ? '' : [...new Set(scopes)].sort().join(' ')
}

/**
 * The security requirements of a route for its OpenAPI operation: every security scheme reached
 * from its shared and named dependencies, with the scopes accumulated on the way there, in
 * dependency order, each (scheme, scopes) pair once. Overrides are not applied: the document
 * describes the API as declared.
 */
export function securityRequirements(
  named: DepsSpec | undefined,
  shared: readonly AnyDependency[] = [],
): SecurityRequirement[] {
  const requirements: SecurityRequirement[] = []
  const written = new Map<SecurityScheme, Set<string>>()
  const visited = new Map<AnyDependency, Set<string>>()
  const visit = (candidate: unknown, parentScopes: readonly string[]): void => {
    if (typeof candidate !== 'object' || candidate === null) return
    const { dependency: dep, scopes } = unwrapSecurity(candidate as AnyDependency, parentScopes)
    const key = scopesKey(scopes)
    let keys = visited.get(dep)
    if (keys === undefined) visited.set(dep, (keys = new Set()))
    if (keys.has(key)) return
    keys.add(key)
    const scheme = dep.securityScheme
    if (scheme !== undefined) {
      let seen = written.get(scheme)
      if (seen === undefined) written.set(scheme, (seen = new Set()))
      const id = scopes.join(' ')
      if (!seen.has(id)) {
        seen.add(id)
        requirements.push({ scheme, scopes })
      }
    }
    for (const sub of Object.values(dep.spec?.deps ?? {})) visit(sub, scopes)
  }
  for (const dep of shared) visit(dep, [])
  for (const dep of Object.values(named ?? {})) visit(dep, [])
  return requirements
}
