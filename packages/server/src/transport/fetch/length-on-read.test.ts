import { describe, expect, it } from 'vitest'
import { LengthOnReadResponse, lengthedResponse } from './length-on-read.js'

const json = { 'content-type': 'application/json' }

describe('LengthOnReadResponse (Deno fast path)', () => {
  it('shows the length among its headers when they are read, as given once', async () => {
    const response = new LengthOnReadResponse('{"a":1}', { status: 200, headers: json }, '7')
    expect(response).toBeInstanceOf(Response)
    expect([...response.headers]).toEqual([
      ['content-length', '7'],
      ['content-type', 'application/json'],
    ])
    expect(response.headers).toBe(response.headers)
    expect([response.status, await response.text()]).toEqual([200, '{"a":1}'])
  })

  it('gives a clone the length, whether or not the headers were read before', async () => {
    const response = new LengthOnReadResponse('{}', { status: 200, headers: json }, '2')
    const copy = response.clone()
    expect([copy.headers.get('content-length'), response.headers.get('content-length')]).toEqual(['2', '2'])
    expect([await copy.text(), await response.text()]).toEqual(['{}', '{}'])
  })
})

describe('lengthedResponse', () => {
  it('is a plain Response off Deno, with the headers as given', () => {
    const response = lengthedResponse('{}', 200, { ...json, 'content-length': '2' })
    expect(response).not.toBeInstanceOf(LengthOnReadResponse)
    expect(response.headers.get('content-length')).toBe('2')
  })
})
