// Inputs the security pages need that generate.mjs does not make: signed tokens and Basic
// credentials, fixed so that both twins see the very same bytes on every run.
import { createHmac } from 'node:crypto'

const base64url = (data) => Buffer.from(data).toString('base64url')

/** A JWT signed with HMAC-SHA256 over exactly the header and claims given (their key order kept). */
export function signHs256(claims, secret, header = { alg: 'HS256' }) {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url')
  return `${signingInput}.${signature}`
}

/** `Basic <base64(user:password)>`, the bytes encoded as given (utf-8 or latin-1). */
export function basicAuthorization(user, password, encoding = 'utf8') {
  return `Basic ${Buffer.from(`${user}:${password}`, encoding).toString('base64')}`
}

/** A time both twins see as the future (2100-01-01) or the past (2000-01-01), in seconds. */
export const FUTURE = 4102444800
export const PAST = 946684800
