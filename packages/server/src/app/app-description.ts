import { nameWithoutPlace } from '@typefast/dependency-resolution/internal'
import type { ResolvedRoute } from '@typefast/router/internal'
import type { AppOptions } from './app-options.js'

// Keys that name no part of the route table or the OpenAPI document: the logger (a live object),
// the parsed path template (the path says it) and the handler (its name is `name`). An anonymous
// dependency counts without the place it was declared at, which bundling moves.
const skipped = new Set(['logger', 'template', 'handler'])

// A fresh replacer per text: an object met again (a dependency shared by two of the route's
// dependencies, or a cycle through a lifespan's state) is written once, then by a mark.
function replacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>()
  return (key, value) => {
    if (skipped.has(key)) return undefined
    if (key === 'name' && typeof value === 'string') return nameWithoutPlace(value)
    if (typeof value === 'function') return `function ${value.name}`
    if (typeof value === 'bigint') return `${value}n`
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return '[seen]'
      seen.add(value)
    }
    return value
  }
}

/**
 * Texts (the options, then one per route) that change whenever what `typefast build` compiles and documents for the app does:
 * its options and every route's method, path, schemas, dependencies and documentation.
 * Functions count by their name only (a build holds no handler code).
 */
export function describeApp(options: AppOptions, routes: readonly ResolvedRoute[]): string[] {
  const texts = [JSON.stringify(options, replacer())]
  for (const route of routes) texts.push(JSON.stringify(route, replacer()))
  return texts
}
