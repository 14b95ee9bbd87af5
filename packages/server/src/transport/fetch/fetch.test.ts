import { createApp } from '@typefast/server'
import { describe, expect, it, vi } from 'vitest'
import { stream } from '../../responses/stream-response.js'
import { createFeatureApp, endless, teardowns } from './fixtures/feature-app.js'

const request = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init)

describe('app.fetch', () => {
  it('runs dependency teardown and background tasks after the answer', async () => {
    const app = createFeatureApp()
    teardowns.length = 0
    const response = await app.fetch(request('/whoami', { headers: { 'x-token': 'secret' } }))
    expect(await response.json()).toEqual({ token: 'secret', session: 'session-1' })
    await vi.waitFor(() => expect(teardowns).toEqual(['session']))
    await (await app.fetch(request('/background'))).text()
    await vi.waitFor(() => expect(teardowns).toEqual(['session', 'background']))
  })

  it('ends an SSE stream and tears its dependencies down when the request is aborted', async () => {
    const app = createFeatureApp()
    teardowns.length = 0
    const controller = new AbortController()
    const response = await app.fetch(request('/forever', { signal: controller.signal }))
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('data: 0\n\n')
    controller.abort()
    await vi.waitFor(() => expect(endless.closed).toBe(true))
    await vi.waitFor(() => expect(teardowns).toEqual(['stream']))
  })

  it("hands the work after the response to the platform's waitUntil (Workers), a client that left too", async () => {
    const app = createFeatureApp()
    teardowns.length = 0
    const handedOver: Promise<unknown>[] = []
    const context = { waitUntil: (work: Promise<unknown>) => void handedOver.push(work) }
    await (await app.fetch(request('/whoami', { headers: { 'x-token': 'secret' } }), {}, context)).json()
    await handedOver[0]
    expect(teardowns).toEqual(['session'])
    const controller = new AbortController()
    const streamed = await app.fetch(request('/forever', { signal: controller.signal }), {}, context)
    await streamed.body!.getReader().read()
    controller.abort()
    await handedOver[1]
    // The generator's `finally` ran before the teardown the platform waited for.
    expect([endless.closed, teardowns]).toEqual([true, ['session', 'stream']])
    // No route, no work after it: settled once the answer is sent.
    await (await app.fetch(request('/nowhere'), {}, context)).text()
    await expect(handedOver[2]).resolves.toBeUndefined()
  })

  it('ends the stream when the platform cancels the body (the client left)', async () => {
    const app = createFeatureApp()
    const response = await app.fetch(request('/forever'))
    const reader = response.body!.getReader()
    await reader.read()
    await reader.cancel()
    await vi.waitFor(() => expect(endless.closed).toBe(true))
  })

  it('pulls a streamed body only as the client reads it', async () => {
    let produced = 0
    async function* big() {
      for (;;) {
        produced++
        yield new Uint8Array(64 * 1024)
      }
    }
    const app = createApp().get('/big', () => stream(big()))
    const reader = (await app.fetch(request('/big'))).body!.getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 50))
    // A few chunks fill the buffers between the source and the platform, then it waits.
    expect(produced).toBeLessThan(10)
    await reader.cancel()
  })

  it('reads a request body streamed without a length, and stops at the body limit', async () => {
    const app = createFeatureApp()
    const chunks = ['{"name":"pen",', '"price":1}']
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(chunk))
      },
    })
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' }
    const created = await app.fetch(request('/items', init as RequestInit))
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ name: 'pen', price: 1, tags: [] })
    let sent = 0
    const largeBody = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 8) controller.close()
        else controller.enqueue(new Uint8Array(512).fill(32))
      },
    })
    const tooLarge = { ...init, body: largeBody }
    const refused = await app.fetch(request('/items', tooLarge as RequestInit))
    expect(refused.status).toBe(413)
  })

  it('serves the percent-encoded path as the client sent it', async () => {
    const app = createFeatureApp()
    const response = await app.fetch(request('/items/%37?q=a%20b'))
    expect(await response.json()).toEqual({ id: 7, q: 'a b', tag: [] })
  })

  it('can be passed unbound, as Bun.serve and Deno.serve take it', async () => {
    const { fetch } = createFeatureApp()
    expect((await fetch(request('/hello'))).status).toBe(200)
  })

  it('refuses WebSocket routes at start-up, naming them', async () => {
    const app = createApp().websocket('/chat', () => undefined)
    await expect(app.fetch(request('/chat'))).rejects.toMatchObject({
      code: 'TF_FETCH_WEBSOCKET',
      message: expect.stringContaining('/chat'),
    })
    // Every request gets the same start-up error, never a silent 404.
    await expect(app.fetch(request('/other'))).rejects.toMatchObject({ code: 'TF_FETCH_WEBSOCKET' })
  })

  it('runs the lifespan once, before the first request', async () => {
    let starts = 0
    const app = createApp()
      .onStartup(() => starts++)
      .get('/', () => ({ starts }))
    const [a, b] = await Promise.all([app.fetch(request('/')), app.fetch(request('/'))])
    expect([await a.json(), await b.json()]).toEqual([{ starts: 1 }, { starts: 1 }])
  })
})
