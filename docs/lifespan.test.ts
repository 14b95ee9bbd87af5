// Runs the sample of lifespan.md and checks what the page says of it.
import { describe, expect, test } from 'vitest'

describe('lifespan', () => {
  test('state.ts: the state is set up before the first request and torn down on close', async () => {
    const { app } = await import('./samples/lifespan/state.js')
    const response = await app.inject({ url: '/predict/21' })
    expect(response.json()).toEqual({ result: 42, since: '2025-01-01T00:00:00.000Z' })
    const state = app.state as { registry: { closed: boolean } }
    expect(state.registry.closed).toBe(false)
    await app.close()
    expect(state.registry.closed).toBe(true)
  })
})
