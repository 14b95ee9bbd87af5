import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Compares two secrets (passwords, API keys, tokens) in time that does not depend on where they
 * differ nor on their lengths: both are hashed to SHA-256 first, then compared with
 * crypto.timingSafeEqual. Use it instead of `===` for every secret a client sends.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  // The digests alone could collide only by breaking SHA-256; the length test costs nothing secret.
  return timingSafeEqual(left, right) && byteLength(a) === byteLength(b)
}

function byteLength(value: string | Uint8Array): number {
  return typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength
}
