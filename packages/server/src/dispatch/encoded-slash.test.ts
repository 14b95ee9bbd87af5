import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// '%2F' in a path segment, answered as FastAPI 0.142.2 answers the twin app
// (`/files/{name}` and `/files/{name}/meta`): Starlette matches the decoded path.

describe("'%2F' in a path segment", () => {
  const app = createApp()
    .get('/files/{name}', ({ params }) => ({ name: params.name }))
    .get('/files/{name}/meta', ({ params }) => ({ meta: params.name }))

  test('is a separator: no single segment parameter takes it', async () => {
    for (const url of ['/files/a%2Fb', '/files/a%2Fb/meta']) {
      const response = await app.inject({ url })
      expect(response.status, url).toBe(404)
      expect(response.body).toBe('{"detail":"Not Found"}')
    }
  })

  test('other escapes are decoded in the value', async () => {
    expect((await app.inject({ url: '/files/a%20b' })).body).toBe('{"name":"a b"}')
    expect((await app.inject({ url: '/files/a%2Fmeta' })).body).toBe('{"meta":"a"}')
  })
})
