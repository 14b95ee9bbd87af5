import type { IncomingHttpHeaders } from 'node:http'

/** A strong validator from size and modification time, as Starlette's FileResponse. */
export function fileEtag(size: number, mtimeMs: number): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`
}

function opaque(tag: string): string {
  const trimmed = tag.trim()
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed
}

/** If-None-Match (weak comparison) wins over If-Modified-Since, as RFC 9110 §13.2.2 orders them. */
export function isNotModified(headers: IncomingHttpHeaders, etag: string, mtimeMs: number): boolean {
  const noneMatch = headers['if-none-match']
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true
    const wanted = opaque(etag)
    return noneMatch.split(',').some((tag) => opaque(tag) === wanted)
  }
  const since = headers['if-modified-since']
  if (since === undefined) return false
  const date = Date.parse(since)
  return !Number.isNaN(date) && Math.floor(mtimeMs / 1000) * 1000 <= date
}

/** If-Range: the range applies only while the validator still matches (strong comparison). */
export function rangeStillValid(headers: IncomingHttpHeaders, etag: string, lastModified: string): boolean {
  const ifRange = headers['if-range']
  if (ifRange === undefined) return true
  const value = String(ifRange).trim()
  return value.startsWith('"') ? value === etag : value === lastModified
}
