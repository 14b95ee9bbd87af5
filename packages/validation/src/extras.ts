import { deref } from './registry.js'

// Drops the fields a model does not declare from a value that is already valid, as pydantic's
// default (`extra="ignore"`) does: `{...body}` then holds only the model's fields. An object that
// says what to do with extras (`additionalProperties`, `patternProperties`: TypeBox's Record and
// `additionalProperties: false`) keeps its rule. Built once per schema; a schema without such an
// object gets no stripper at all.

export type ExtrasStripper = (value: unknown) => void

/** The stripper of a schema, or undefined when nothing under it drops extras. */
export function compileExtrasStripper(schema: unknown, seen = new Set<object>()): ExtrasStripper | undefined {
  const s = deref(schema)
  if (s === undefined || seen.has(s)) return undefined // a recursive schema's deeper levels keep theirs
  seen.add(s)
  try {
    if (s.items !== undefined && !Array.isArray(s.items)) {
      const stripItem = compileExtrasStripper(s.items, seen)
      if (stripItem === undefined) return undefined
      return (value) => {
        if (Array.isArray(value)) for (const item of value) stripItem(item)
      }
    }
    // `T | None`: null passes the stripper by, so T's applies.
    const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined
    if (branches !== undefined) {
      const others = branches.filter((branch) => deref(branch)?.type !== 'null')
      return others.length === 1 ? compileExtrasStripper(others[0], seen) : undefined
    }
    const properties = s.properties as Record<string, unknown> | undefined
    if (properties === undefined) return undefined
    const strips = s.additionalProperties === undefined && s.patternProperties === undefined
    const declared = new Set(Object.keys(properties))
    const nestedKeys: string[] = []
    const stripNested: ExtrasStripper[] = []
    for (const key of declared) {
      const strip = compileExtrasStripper(properties[key], seen)
      if (strip !== undefined) {
        nestedKeys.push(key)
        stripNested.push(strip)
      }
    }
    if (!strips && nestedKeys.length === 0) return undefined
    return (value) => {
      if (value === null || typeof value !== 'object') return
      const object = value as Record<string, unknown>
      if (strips) for (const key in object) if (!declared.has(key)) delete object[key]
      for (let i = 0; i < nestedKeys.length; i++) {
        const inner = object[nestedKeys[i]!]
        if (inner !== undefined) stripNested[i]!(inner)
      }
    }
  } finally {
    seen.delete(s)
  }
}
