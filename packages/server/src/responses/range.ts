/** One byte range of a representation, both ends inclusive. */
export interface ByteRange {
  start: number
  end: number
}

/** A `Range` header Starlette refuses: 400 with its message, or 416 (nothing in the file). */
export interface RangeRefusal {
  status: 400 | 416
  message: string
}

// Starlette's FileResponse.max_ranges: beyond it the header is ignored.
const maxRanges = 100

/**
 * Read a `Range` header against a representation of `size` bytes as Starlette 1.7 reads it:
 * `undefined` to send the whole body (absent, over 100 ranges, or several ranges: typefast sends
 * no multipart/byteranges), the one range to send with 206, or the refusal to answer.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | RangeRefusal | undefined {
  if (header === undefined) return undefined
  const equals = header.indexOf('=')
  if (equals === -1) return { status: 400, message: 'Malformed range header.' }
  if (header.slice(0, equals).trim().toLowerCase() !== 'bytes') {
    return { status: 400, message: 'Only support bytes range' }
  }
  const parts = header.slice(equals + 1).split(',')
  if (parts.length > maxRanges) return undefined
  const ranges = parts.flatMap((part) => rangeOf(part.trim(), size))
  if (ranges.length === 0) return { status: 400, message: 'Range header: range must be requested' }
  if (ranges.some(({ start }) => start < 0 || start >= size)) return { status: 416, message: '' }
  // Ends are exclusive here, as in Starlette.
  if (ranges.some(({ start, end }) => start >= end)) {
    return { status: 400, message: 'Range header: start must be less than end' }
  }
  return ranges.length === 1 ? { start: ranges[0]!.start, end: ranges[0]!.end - 1 } : undefined
}

const digits = /^\d+$/

/** One `start-end` part, the end exclusive; none for a part Starlette skips (empty, not numeric). */
function rangeOf(part: string, size: number): { start: number; end: number }[] {
  const dash = part.indexOf('-')
  if (part === '' || part === '-' || dash === -1) return []
  const first = part.slice(0, dash).trim()
  const last = part.slice(dash + 1).trim()
  if ((first !== '' && !digits.test(first)) || (last !== '' && !digits.test(last)) || (first === '' && last === '')) {
    return []
  }
  const start = first === '' ? Math.max(size - Number(last), 0) : Number(first)
  const end = first !== '' && last !== '' && Number(last) < size ? Number(last) + 1 : size
  return [{ start, end }]
}
