/**
 * A Cookie header parsed as Starlette parses it (FastAPI's `request.cookies`): pairs split at
 * `;`, a chunk without `=` is a value with an empty name, a quoted value is unquoted with
 * Python's http.cookies rules, nothing is percent-decoded, and a repeated name keeps its last value.
 */
export function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null)
  let start = 0
  while (start <= header.length) {
    let end = header.indexOf(';', start)
    if (end === -1) end = header.length
    const equals = header.indexOf('=', start)
    const split = equals !== -1 && equals < end
    const name = split ? header.slice(start, equals).trim() : ''
    const value = header.slice(split ? equals + 1 : start, end).trim()
    if (name !== '' || value !== '') cookies[name] = unquote(value)
    start = end + 1
  }
  return cookies
}

// Python's http.cookies._unquote: `\ooo` (octal) and `\c` escapes inside double quotes.
const escaped = /\\(?:([0-3][0-7][0-7])|(.))/g

function unquote(value: string): string {
  if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return value
  return value
    .slice(1, -1)
    .replace(escaped, (_, octal: string | undefined, char: string) =>
      octal === undefined ? char : String.fromCharCode(Number.parseInt(octal, 8)),
    )
}
