// Runs the sample of background-tasks.md and checks what the page says of it.
import { describe, expect, test } from 'vitest'

describe('background tasks', () => {
  test('send-notification.ts: answers at once, then runs the tasks in order', async () => {
    const { app, sent } = await import('./samples/background-tasks/send-notification.js')
    const response = await app.inject({ method: 'POST', url: '/send-notification/ada@example.com?q=hello' })
    expect(response.json()).toEqual({ message: 'Notification sent in the background' })
    expect(sent).not.toContain('ada@example.com: some notification')
    for (let i = 0; i < 50 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
    expect(sent).toEqual(['audit: hello', 'ada@example.com: some notification'])
  })
})
