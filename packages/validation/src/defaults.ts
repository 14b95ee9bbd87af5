import { deref } from './registry.js'

// Fills the defaults of absent properties into a value that is already valid. Run after
// validation, not inside it, so a 422 shows the input as received, as pydantic's does. Built
// once per schema; a schema without defaults gets no filler at all.

type Schema = Record<string, unknown>
export type DefaultsFiller = (value: unknown) => void

const copy = (value: unknown): unknown => (value !== null && typeof value === 'object' ? structuredClone(value) : value)

/** The filler of a schema, or undefined when nothing under it has a default. */
export function compileDefaults(schema: unknown, seen = new Set<object>()): DefaultsFiller | undefined {
  const s = deref(schema)
  if (s === undefined || seen.has(s)) return undefined // a recursive schema: its defaults apply once per level only
  seen.add(s)
  try {
    if (s.items !== undefined && !Array.isArray(s.items)) {
      const fillItem = compileDefaults(s.items, seen)
      if (fillItem === undefined) return undefined
      return (value) => {
        if (Array.isArray(value)) for (const item of value) fillItem(item)
      }
    }
    const properties = s.properties as Record<string, unknown> | undefined
    if (properties === undefined) return undefined
    const defaults: [string, unknown][] = []
    const nested: [string, DefaultsFiller][] = []
    for (const key of Object.keys(properties)) {
      const property = deref(properties[key])
      if (property !== undefined && 'default' in property) defaults.push([key, property.default])
      const fill = compileDefaults(properties[key], seen)
      if (fill !== undefined) nested.push([key, fill])
    }
    if (defaults.length === 0 && nested.length === 0) return undefined
    return (value) => {
      if (value === null || typeof value !== 'object') return
      const object = value as Record<string, unknown>
      for (let i = 0; i < defaults.length; i++) {
        const [key, fallback] = defaults[i]!
        if (object[key] === undefined) object[key] = copy(fallback)
      }
      for (let i = 0; i < nested.length; i++) {
        const [key, fill] = nested[i]!
        const inner = object[key]
        if (inner !== undefined) fill(inner)
      }
    }
  } finally {
    seen.delete(s)
  }
}
