import type { TSchema } from 'typebox'
import type { ResponseSchemas } from './types.js'

/**
 * True when a route's `response` is a map from status codes to schemas rather than one schema:
 * a map's keys are all status codes, a schema's are keywords (and `{}`, any value, has none).
 */
export function isStatusMap(response: ResponseSchemas | undefined): response is { readonly [status: number]: TSchema } {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return false
  const keys = Object.keys(response)
  return keys.length > 0 && keys.every((key) => /^[1-5]\d\d$/.test(key))
}
