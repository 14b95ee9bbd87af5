import { expect, test } from 'vitest'
import { raw } from '../responses/responses.js'
import { createApp } from './app.js'

test('startup() runs the start-up hooks once, however often it is called, and close() the shutdown hooks', async () => {
  const events: string[] = []
  const app = createApp()
    .onStartup(() => {
      events.push('startup')
    })
    .onShutdown(() => {
      events.push('shutdown')
    })
    .get('/', () => ({ ok: true }))
  await Promise.all([app.startup(), app.startup()])
  await app.inject({ url: '/' })
  expect(events).toEqual(['startup'])
  await app.close()
  expect(events).toEqual(['startup', 'shutdown'])
})

test('inject exposes the raw bytes of a binary body', async () => {
  const bytes = Buffer.from([0, 255, 128, 10])
  const app = createApp().get('/bin', () => raw(bytes, 'application/octet-stream'))
  const response = await app.inject({ url: '/bin' })
  expect(response.rawBody.equals(bytes)).toBe(true)
})
