// Reading a request target (path and query) as find-my-way hands it back: the query without its
// fragment, empty or slash-holding parameters, the wildcard's name.

/**
 * find-my-way ends the path at the first '?' or '#' and returns the rest; a fragment is no part of the query.
 * Clients never send fragments, so this is a char check and a scan of the query on the hot path.
 */
export function withoutFragment(url: string, query: string): string {
  if (url.charCodeAt(url.length - query.length - 1) === 35 /* '#' */) return ''
  const hash = charIndex(query, 35 /* '#' */)
  return hash === -1 ? query : query.slice(0, hash)
}

// A loop V8 inlines: on a query or a parameter (a few characters) it costs a fraction of a call
// to String.prototype.indexOf's builtin (about 140 instructions a call).
function charIndex(text: string, code: number): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) return i
  return -1
}

/** find-my-way lets '/items/' match '/items/:id' with id ''; in typefast, as in FastAPI, a segment is never empty. */
export function hasEmptyParam(params: Record<string, string>, names: string[]): boolean {
  for (let i = 0; i < names.length; i++) if (params[names[i]!] === '') return true
  return false
}

export const encodedSlash = /%2f/i
export const encodedSlashes = /%2f/gi

export function holdsSlash(params: Record<string, string | undefined>, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) {
    const value = params[names[i]!]
    if (value !== undefined && charIndex(value, 47 /* '/' */) !== -1) return true
  }
  return false
}

/** Where the path of a request target ends: at its '?' or '#', if any. */
export function pathEnd(url: string): number {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 63 /* '?' */ || c === 35 /* '#' */) return i
  }
  return url.length
}

export function renameWildcard(params: Record<string, string>, name: string): Record<string, string> {
  const renamed: Record<string, string> = Object.create(null)
  for (const key in params) renamed[key === '*' ? name : key] = params[key]!
  return renamed
}
