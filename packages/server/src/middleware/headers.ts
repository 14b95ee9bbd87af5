/** Response header helpers for middleware: names compared case-insensitively. */

export function findHeader(headers: Record<string, string | string[]>, name: string): string | undefined {
  let value = headers[name]
  // Other spellings are rare: looked for in place, with no list of keys nor closure per call.
  if (value === undefined) {
    for (const key in headers) {
      if (key.length === name.length && key.toLowerCase() === name) {
        value = headers[key]
        break
      }
    }
  }
  return Array.isArray(value) ? value.join(', ') : value
}

/** Add `value` to the response's Vary header unless it is already listed. */
export function addVary(headers: Record<string, string | string[]>, value: string): void {
  const current = findHeader(headers, 'vary')
  if (current === undefined || current === '') {
    headers.vary = value
    return
  }
  const listed = current.split(',').map((item) => item.trim().toLowerCase())
  if (listed.includes('*') || listed.includes(value.toLowerCase())) return
  for (const key of Object.keys(headers)) if (key.toLowerCase() === 'vary') delete headers[key]
  headers.vary = `${current}, ${value}`
}
