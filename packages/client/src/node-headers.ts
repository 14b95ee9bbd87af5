/** Node-style headers (repeated ones as arrays, numbers) to the WHATWG Headers the client gives. */
export function toHeaders(raw: Readonly<Record<string, string | string[] | number | undefined>>): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.append(name, String(value))
  }
  return headers
}
