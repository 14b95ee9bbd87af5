import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { FetchIncomingMessage, pathAndQuery } from './fetch-request.js'

function failingBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      controller.error(new DOMException('The connection was closed.', 'AbortError'))
    },
  })
}

const post = (body: ReadableStream<Uint8Array>) =>
  new Request('http://localhost/upload', { method: 'POST', body, duplex: 'half' } as RequestInit)

describe('FetchIncomingMessage', () => {
  it('keeps the path and query as the client sent them, without the fragment', () => {
    expect(pathAndQuery('https://example.com/a%2Fb/c?x=1&y=%20')).toBe('/a%2Fb/c?x=1&y=%20')
    expect(pathAndQuery('http://localhost:8000')).toBe('/')
    expect(pathAndQuery('http://localhost/p?q#frag')).toBe('/p?q')
  })

  it('gives headers as node does: lower-case names, a TLS flag from the scheme', () => {
    const req = new FetchIncomingMessage(
      new Request('https://example.com/', { headers: { 'X-Token': 'a', Cookie: 'a=1; b=2' } }),
    )
    expect(req.headers).toEqual({ 'x-token': 'a', cookie: 'a=1; b=2' })
    expect(req.rawHeaders).toEqual(['cookie', 'a=1; b=2', 'x-token', 'a'])
    expect(req.socket.encrypted).toBe(true)
  })

  it('passes a failed body read to an error listener', async () => {
    const req = new FetchIncomingMessage(post(failingBody()))
    const failed = once(req, 'error')
    req.resume()
    const [error] = await failed
    expect((error as Error).name).toBe('AbortError')
  })

  it('does not crash the process when nobody listens (the answer was already sent)', async () => {
    const req = new FetchIncomingMessage(post(failingBody()))
    // Not events.once: it listens for 'error' too.
    const closed = new Promise((resolve) => req.on('close', resolve))
    req.resume()
    await closed
    expect(req.destroyed).toBe(true)
  })
})
