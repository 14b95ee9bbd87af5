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

export const BOUNDARY = 'conformance-boundary-7MA4YWxkTrZu0gW'

/**
 * A multipart/form-data body from `[{ name, value }]` fields and `[{ name, filename, type, value }]`
 * files, with the headers to send it. The boundary is fixed so both twins get the same bytes.
 */
export function multipart(parts, boundary = BOUNDARY) {
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`]
    if (part.type !== undefined) head.push(`Content-Type: ${part.type}`)
    return [Buffer.from(`${head.join('\r\n')}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n')]
  })
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  }
}
