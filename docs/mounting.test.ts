// Runs the sample of mounting.md and checks what the page says of it.
import { describe, expect, test } from 'vitest'

describe('mounting', () => {
  test('main.ts: both apps answer, each with its docs; rootPath and the prefix in servers', async () => {
    const { app } = await import('./samples/mounting/main.js')
    expect((await app.inject({ url: '/items' })).json()).toEqual([{ name: 'Widget' }])
    expect((await app.inject({ url: '/admin/users' })).json()).toEqual([{ name: 'ada' }])
    expect(app.openapi().servers).toEqual([{ url: '/shop' }])
    const admin = (await app.inject({ url: '/admin/openapi.json' })).json<any>()
    expect(admin.info.title).toBe('Admin API')
    expect(admin.servers).toEqual([{ url: '/shop/admin' }])
    expect((await app.inject({ url: '/admin/docs' })).body).toContain('/shop/admin/openapi.json')
  })
})
