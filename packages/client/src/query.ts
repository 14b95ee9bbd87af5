/**
 * A query string as the server parses it: arrays as repeated keys (`tag=a&tag=b`), undefined and
 * null left out, dates as ISO strings, objects as JSON. Empty when there is nothing to send.
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(queryValue(item))}`)
    }
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`
}

function queryValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
