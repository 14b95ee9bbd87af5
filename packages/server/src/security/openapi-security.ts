import { securityRequirements } from '@typefast/dependency-resolution/internal'
import type { OperationSource } from '@typefast/openapi'
import { SecuritySchemeClashError } from '../errors.js'

/**
 * The security of each operation and the schemes of the document, from the security
 * dependencies each route reaches (its own, its routers' and the app's). Throws when two
 * different schemes share a name, naming the fix.
 */
export function documentSecurity(operations: readonly OperationSource[]): {
  operations: OperationSource[]
  securitySchemes: Record<string, unknown>
} {
  const securitySchemes: Record<string, unknown> = {}
  const declared = new Map<string, string>()
  const documented = operations.map((operation) => {
    const { route } = operation
    const requirements = securityRequirements(route.spec.deps, route.sharedDeps)
    if (!route.includeInSchema || requirements.length === 0) return operation
    for (const { scheme } of requirements) {
      const json = JSON.stringify(scheme.definition)
      const known = declared.get(scheme.name)
      if (known === undefined) {
        declared.set(scheme.name, json)
        securitySchemes[scheme.name] = scheme.definition
      } else if (known !== json) {
        throw new SecuritySchemeClashError(`${route.method} ${route.path}`, scheme.name)
      }
    }
    // Two scheme values with the same name and definition are one scheme: listed once per scopes.
    const written = new Set<string>()
    const security = []
    for (const { scheme, scopes } of requirements) {
      const id = `${scheme.name}\0${scopes.join(' ')}`
      if (written.has(id)) continue
      written.add(id)
      security.push({ scheme: scheme.name, scopes: [...scopes] })
    }
    return { ...operation, security: [...(operation.security ?? []), ...security] }
  })
  return { operations: documented, securitySchemes }
}
