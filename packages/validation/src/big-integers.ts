// Integers beyond 2^53 in JSON keep their value, as Python's do in FastAPI: read as bigints,
// written back digit for digit. JSON.parse and JSON.stringify know no bigint, so a bigint
// travels through them as a string marked with a per-process nonce no input can guess.

// The nonce is drawn on first use, not as the module loads: Workers allow random values only
// inside a request handler.
let markers: { marker: string; markerInJson: string; markedInJson: RegExp } | undefined

/** The marker as a string value, as it is written in JSON text, and a pattern of a marked integer in JSON text. */
function nonceMarkers(): NonNullable<typeof markers> {
  if (markers === undefined) {
    const nonce = crypto.randomUUID().slice(0, 8)
    markers = {
      marker: `\u0000${nonce}:`,
      markerInJson: `\\u0000${nonce}:`,
      markedInJson: new RegExp(`"\\\\u0000${nonce}:(-?\\d+)"`, 'g'),
    }
  }
  return markers
}

/** True when a JSON text may hold an integer JSON.parse would round (16 digits or more). */
export const mayHoldBigIntegers = (text: string): boolean => /\d{16}/.test(text)

/**
 * The JSON text with each integer literal beyond ±2^53 written as a marked string, for
 * `reviveBigIntegers` to turn back into a bigint after JSON.parse. Strings are left as they are.
 */
export function markBigIntegers(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // skip a string, escapes included
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++
      continue
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue
    let end = i + 1
    while (end < text.length && isNumberChar(text.charCodeAt(end))) end++
    const token = text.slice(i, end)
    if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(from, i)}"${nonceMarkers().markerInJson}${token}"`
      from = end
    }
    i = end - 1
  }
  return from === 0 ? text : out + text.slice(from)
}

const isNumberChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d

/** A JSON.parse reviver: marked strings back to bigints. */
export function reviveBigIntegers(_key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value
  const { marker } = nonceMarkers()
  return value.startsWith(marker) ? BigInt(value.slice(marker.length)) : value
}

/** JSON.stringify that writes bigints as their digits; `undefined` for what JSON.stringify leaves out. */
export function stringifyJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch (error) {
    if (!(error instanceof TypeError) || !/BigInt/.test(error.message)) throw error
    const { marker, markedInJson } = nonceMarkers()
    const text = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${marker}${v}` : v))
    return text?.replace(markedInJson, '$1')
  }
}
