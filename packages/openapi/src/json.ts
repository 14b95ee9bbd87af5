/**
 * A deep copy that JSON.stringify accepts and that has only enumerable string keys, so TypeBox's
 * hidden markers ('~kind', '~optional') and anything else a schema carries at runtime stay out of the
 * document. Values JSON cannot hold are dropped (functions, symbols, undefined) or converted (bigint).
 */
export function toJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value !== 'object') return undefined
  const withToJson = value as { toJSON?: () => unknown }
  if (typeof withToJson.toJSON === 'function') return toJson(withToJson.toJSON())
  if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const copied = toJson((value as Record<string, unknown>)[key])
    if (copied !== undefined) out[key] = copied
  }
  return out
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
