import { deref } from './registry.js'

// Fills the defaults of absent properties into a value that is already valid. Run after
// validation, not inside it, so a 422 shows the input as received, as pydantic's does. Built
// once per schema; a schema without defaults gets no filler at all.

export type DefaultsFiller = (value: unknown) => void

/** A fresh copy of a default per use, made as cheaply as its kind allows. */
function defaultMaker(value: unknown): () => unknown {
  if (value === null || typeof value !== 'object') return () => value
  if (Array.isArray(value) && value.length === 0) return () => []
  if (!Array.isArray(value) && Object.keys(value).length === 0) return () => ({})
  return () => structuredClone(value)
}

/** The filler of a schema, or undefined when nothing under it has a default. */
export function compileDefaults(schema: unknown, seen = new Set<object>()): DefaultsFiller | undefined {
  const s = deref(schema)
  if (s === undefined || seen.has(s)) return undefined // a recursive schema's deeper levels get no defaults
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
    // Parallel arrays: the per-request loop reads them by index, allocating nothing.
    const defaultKeys: string[] = []
    const makeDefault: (() => unknown)[] = []
    const nestedKeys: string[] = []
    const fillNested: DefaultsFiller[] = []
    for (const key of Object.keys(properties)) {
      const property = deref(properties[key])
      if (property !== undefined && 'default' in property) {
        defaultKeys.push(key)
        makeDefault.push(defaultMaker(property.default))
      }
      const fill = compileDefaults(properties[key], seen)
      if (fill !== undefined) {
        nestedKeys.push(key)
        fillNested.push(fill)
      }
    }
    if (defaultKeys.length === 0 && nestedKeys.length === 0) return undefined
    return (value) => {
      if (value === null || typeof value !== 'object') return
      const object = value as Record<string, unknown>
      for (let i = 0; i < defaultKeys.length; i++) {
        if (object[defaultKeys[i]!] === undefined) object[defaultKeys[i]!] = makeDefault[i]!()
      }
      for (let i = 0; i < nestedKeys.length; i++) {
        const inner = object[nestedKeys[i]!]
        if (inner !== undefined) fillNested[i]!(inner)
      }
    }
  } finally {
    seen.delete(s)
  }
}
