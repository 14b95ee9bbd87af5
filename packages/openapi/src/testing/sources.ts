import type { InputSchemas } from '@typefast/dependency-resolution'
import { parameterLocations } from '@typefast/dependency-resolution/internal'
import type { AnyRoute, AnyRouter } from '@typefast/router'
import { flattenRoutes } from '@typefast/router/internal'
import type { OperationSource } from '../types.js'

/**
 * Operation sources for routes, with the route's own inputs merged with `shared` ones (what the
 * server does with the inputs of dependencies).
 */
export function sourcesOf(
  entries: (AnyRoute | AnyRouter)[],
  shared: (path: string) => InputSchemas = () => ({}),
): OperationSource[] {
  return flattenRoutes(entries).map((route) => {
    const extra = shared(route.path)
    const inputs: InputSchemas = {}
    for (const { key } of parameterLocations) {
      const own = route.spec[key]
      const more = extra[key]
      if (own && more)
        inputs[key] = {
          ...own,
          properties: { ...more.properties, ...own.properties },
          required: [...(more.required ?? []), ...(own.required ?? [])],
        } as unknown as typeof own
      else if (own ?? more) inputs[key] = own ?? more
    }
    if (route.spec.body ?? extra.body) inputs.body = route.spec.body ?? extra.body
    return { route, inputs }
  })
}
