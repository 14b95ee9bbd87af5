import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// A 204 answers as FastAPI 0.142.2 answers `status_code=204` (its headers checked against the
// twin app): `content-type: application/json`, the headers the handler set, no body and no
// content-length; under middleware too.

describe('204 No Content', () => {
  const routes = (app: ReturnType<typeof createApp<{}>>) =>
    app
      .delete('/items', { status: 204 }, () => undefined)
      .delete('/marked', { status: 204 }, ({ response }) => {
        response.setHeader('x-done', '1')
        return { ignored: true }
      })
  const plain = routes(createApp())
  const wrapped = routes(createApp()).use((_request, next) => next())

  for (const [name, app] of [
    ['direct', plain],
    ['under middleware', wrapped],
  ] as const) {
    test(`${name}: FastAPI's headers, no body`, async () => {
      const bare = await app.inject({ method: 'DELETE', url: '/items' })
      expect(bare.status).toBe(204)
      expect(bare.headers['content-type']).toBe('application/json')
      expect(bare.headers['content-length']).toBeUndefined()
      expect(bare.body).toBe('')
      const marked = await app.inject({ method: 'DELETE', url: '/marked' })
      expect(marked.headers['x-done']).toBe('1')
      expect(marked.headers['content-type']).toBe('application/json')
      expect(marked.body).toBe('')
    })
  }
})
