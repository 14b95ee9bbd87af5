/** One byte range of a representation, both ends inclusive. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * Read a `Range` header against a representation of `size` bytes (RFC 9110 §14.2):
 * `undefined` to ignore it (absent, not bytes, malformed, or several ranges: the whole body is
 * sent), `'unsatisfiable'` for 416, or the one range to send with 206.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (match === null) return undefined
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Number(last)
  if (end < start) return undefined
  if (start >= size) return 'unsatisfiable'
  return { start, end: Math.min(end, size - 1) }
}
