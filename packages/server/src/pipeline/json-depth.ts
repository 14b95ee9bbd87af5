// The JSON nesting guard: V8 parses any depth, but recursive schemas, handlers and
// JSON.stringify recurse, so a body nested 100,000 deep could exhaust the stack. pydantic's
// JSON parser stops at depth 200; typefast does the same by default, before parsing.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d

/**
 * The position of the first `{` or `[` nested deeper than `max`, or -1. A text of `max`
 * characters or fewer cannot be that deep and is not scanned; otherwise one pass that jumps
 * over strings with indexOf and allocates nothing (about 2 ns per structural character).
 */
export function excessiveNesting(text: string, max: number): number {
  const length = text.length
  if (length <= max) return -1
  let depth = 0
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      i = closingQuote(text, i)
      if (i === -1) return -1 // unterminated: JSON.parse reports it
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return i
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--
    }
  }
  return -1
}

/** The index of the quote closing the string opened at `open`: the next one not escaped. */
function closingQuote(text: string, open: number): number {
  let j = text.indexOf('"', open + 1)
  while (j !== -1) {
    let k = j - 1
    while (text.charCodeAt(k) === BACKSLASH) k--
    if ((j - 1 - k) % 2 === 0) return j
    j = text.indexOf('"', j + 1)
  }
  return -1
}
