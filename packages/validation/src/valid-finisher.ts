import { deref } from './registry.js'

// What a valid body still needs before the handler sees it, in one walk: the fields its model
// does not declare are dropped, as pydantic's default (`extra="ignore"`) does, and the defaults of
// absent fields are filled in. Both run after validation, not inside it, so a 422 shows the input
// as received. An object that says what to do with extras (`additionalProperties`,
// `patternProperties`: TypeBox's Record and `additionalProperties: false`) keeps its rule. Built
// once per schema; a schema with nothing to do gets no finisher at all.

export type ValidFinisher = (value: unknown) => void

/** A fresh copy of a default per use, made as cheaply as its kind allows. */
function defaultMaker(value: unknown): () => unknown {
  if (value === null || typeof value !== 'object') return () => value
  if (Array.isArray(value) && value.length === 0) return () => []
  if (!Array.isArray(value) && Object.keys(value).length === 0) return () => ({})
  return () => structuredClone(value)
}

/** The finisher of a schema, or undefined when nothing under it drops extras or has a default. */
export function compileValidFinisher(schema: unknown, seen = new Set<object>()): ValidFinisher | undefined {
  const s = deref(schema)
  if (s === undefined || seen.has(s)) return undefined // a recursive schema's deeper levels are left as they are
  seen.add(s)
  try {
    if (s.items !== undefined && !Array.isArray(s.items)) {
      const finishItem = compileValidFinisher(s.items, seen)
      if (finishItem === undefined) return undefined
      return (value) => {
        if (Array.isArray(value)) for (const item of value) finishItem(item)
      }
    }
    // `T | None`: null passes by, so T's finisher applies.
    const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined
    if (branches !== undefined) {
      const others = branches.filter((branch) => deref(branch)?.type !== 'null')
      return others.length === 1 ? compileValidFinisher(others[0], seen) : undefined
    }
    const properties = s.properties as Record<string, unknown> | undefined
    if (properties === undefined) return undefined
    return compileObjectFinisher(s, properties, seen)
  } finally {
    seen.delete(s)
  }
}

function compileObjectFinisher(
  s: Record<string, unknown>,
  properties: Record<string, unknown>,
  seen: Set<object>,
): ValidFinisher | undefined {
  const strips = s.additionalProperties === undefined && s.patternProperties === undefined
  const declared = new Set(Object.keys(properties))
  // Parallel arrays: the per-request loops read them by index, allocating nothing.
  const defaultKeys: string[] = []
  const makeDefault: (() => unknown)[] = []
  const nestedKeys: string[] = []
  const finishNested: ValidFinisher[] = []
  for (const key of declared) {
    const property = deref(properties[key])
    if (property !== undefined && 'default' in property) {
      defaultKeys.push(key)
      makeDefault.push(defaultMaker(property.default))
    }
    const finish = compileValidFinisher(properties[key], seen)
    if (finish !== undefined) {
      nestedKeys.push(key)
      finishNested.push(finish)
    }
  }
  if (!strips && defaultKeys.length === 0 && nestedKeys.length === 0) return undefined
  return (value) => {
    if (value === null || typeof value !== 'object') return
    const object = value as Record<string, unknown>
    if (strips) for (const key in object) if (!declared.has(key)) delete object[key]
    for (let i = 0; i < defaultKeys.length; i++) {
      if (object[defaultKeys[i]!] === undefined) object[defaultKeys[i]!] = makeDefault[i]!()
    }
    for (let i = 0; i < nestedKeys.length; i++) {
      const inner = object[nestedKeys[i]!]
      if (inner !== undefined) finishNested[i]!(inner)
    }
  }
}
