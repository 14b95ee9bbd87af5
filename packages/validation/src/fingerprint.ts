/**
 * A 106-bit hash of a list of texts, as 28 hex digits: two 53-bit hashes (cyrb53's mix) with different seeds.
 * Synchronous and dependency-free (Workers have no node:crypto without nodejs_compat); it tells
 * one app's description from another's, and is no security boundary.
 */
export function fingerprint(parts: readonly string[]): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  let h3 = 0x1b873593
  let h4 = 0xcc9e2d51
  for (const text of parts) {
    // each part ends with a character no JSON text holds, so ['ab', 'c'] and ['a', 'bc'] differ
    for (let i = 0; i <= text.length; i++) {
      const c = i === text.length ? 0xffff : text.charCodeAt(i)
      h1 = Math.imul(h1 ^ c, 2654435761)
      h2 = Math.imul(h2 ^ c, 1597334677)
      h3 = Math.imul(h3 ^ c, 2246822507)
      h4 = Math.imul(h4 ^ c, 3266489909)
    }
  }
  const mix = (a: number, b: number): string => {
    const x = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)
    const y = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
    return (4294967296 * (2097151 & y) + (x >>> 0)).toString(16).padStart(14, '0')
  }
  return mix(h1, h2) + mix(h3, h4)
}
