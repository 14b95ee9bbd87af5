// Runs the sample of static-files.md and checks what the page says of it.
import { describe, expect, test } from 'vitest'

describe('static files', () => {
  test('main.ts: files, index.html, the SPA fallback, and no way out', async () => {
    const { app } = await import('./samples/static-files/main.js')
    const js = await app.inject({ url: '/static/app.js' })
    expect(js.headers['content-type']).toMatch(/javascript/)
    expect(js.body).toBe("console.log('hello from typefast')\n")
    expect((await app.inject({ url: '/static/' })).body).toContain('<title>typefast</title>')
    expect((await app.inject({ url: '/static/missing.js' })).status).toBe(404)
    expect((await app.inject({ url: '/app/settings/profile' })).body).toContain('<title>typefast</title>')
    expect((await app.inject({ url: '/static/..%2fmain.ts' })).status).toBe(404)
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true })
  })
})
