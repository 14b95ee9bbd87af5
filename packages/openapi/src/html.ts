const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}

/**
 * JSON safe inside a <script> element: '<', '>' and '&' are written as \u escapes, so no value can
 * close the element ('</script>') or open a comment; U+2028/U+2029 are escaped for old parsers.
 */
export function scriptJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** `assetsPath` joined with a file name, whether or not the path ends with '/'. */
export function assetUrl(assetsPath: string, fileName: string): string {
  return `${assetsPath.replace(/\/+$/, '')}/${fileName}`
}
