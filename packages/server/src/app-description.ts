import type { ResolvedRoute } from '@typefast/router'
import type { AppOptions } from './app.js'

// Keys that name no part of the route table or the OpenAPI document: the logger (a live object),
// the parsed path template (the path says it) and the handler (its name is `name`).
const skipped = new Set(['logger', 'template', 'handler'])

function replacer(key: string, value: unknown): unknown {
  if (skipped.has(key)) return undefined
  if (typeof value === 'function') return `function ${value.name}`
  if (typeof value === 'bigint') return `${value}n`
  return value
}

/**
 * Texts (the options, then one per route) that change whenever what `typefast build` compiles and documents for the app does:
 * its options and every route's method, path, schemas, dependencies and documentation.
 * Functions count by their name only (a build holds no handler code).
 */
export function describeApp(options: AppOptions, routes: readonly ResolvedRoute[]): string[] {
  const texts = [JSON.stringify(options, replacer)]
  for (const route of routes) texts.push(JSON.stringify(route, replacer))
  return texts
}
