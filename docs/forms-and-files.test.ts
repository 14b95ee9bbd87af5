// Runs every sample of forms-and-files.md and checks what the page says of it.
import { FormData, request } from 'undici'
import { describe, expect, test } from 'vitest'

describe('forms and files', () => {
  test('login.ts: an urlencoded form, coerced; 422 with loc ["body", field]', async () => {
    const { app } = await import('./samples/forms-and-files/login.js')
    const ok = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=ada&password=pw&remember=true',
    })
    expect(ok.json()).toEqual({ username: 'ada', remember: true })
    const bad = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=ada',
    })
    expect(bad.status).toBe(422)
    expect(bad.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null }],
    })
  })

  test('upload.ts: a file, attachments and a JSON field in one multipart form', async () => {
    const { app } = await import('./samples/forms-and-files/upload.js')
    const { url } = await app.listen({ port: 0 })
    try {
      const form = new FormData()
      form.append('title', 'Notes')
      form.append('document', new Blob(['line 1\nline 2\nline 3'], { type: 'text/plain' }), 'notes.txt')
      form.append('attachments', new Blob(['png']), 'diagram.png')
      form.append('metadata', JSON.stringify({ tags: ['meeting'], public: false }))
      const response = await request(`${url}/documents`, { method: 'POST', body: form })
      expect(response.statusCode).toBe(201)
      expect(await response.body.json()).toEqual({
        title: 'Notes',
        filename: 'notes.txt',
        contentType: 'text/plain',
        size: 20,
        lines: 3,
        attachments: ['diagram.png'],
        tags: ['meeting'],
      })
    } finally {
      await app.close()
    }
  })
})
