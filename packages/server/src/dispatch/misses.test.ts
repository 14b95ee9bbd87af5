import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { json } from '../responses/responses.js'

// 404 and 405 are HTTPExceptions answered by the app's exception handlers, whichever way the
// request went through the dispatcher: straight, under middleware, or past the mounted apps.
function appWithHandler() {
  return createApp()
    .get('/items', () => [])
    .exceptionHandler(HTTPException, (error) =>
      json({ missed: error.detail }, { status: error.status, headers: { ...error.headers, 'x-handled': 'yes' } }),
    )
}

const ways = {
  'without middleware': () => appWithHandler(),
  'with middleware': () =>
    appWithHandler().use(async (_request, next) => {
      const response = await next()
      response.headers['x-middleware'] = 'seen'
      return response
    }),
  'with a mounted app': () =>
    appWithHandler().mount(
      '/v2',
      createApp().get('/hello', () => 'v2'),
    ),
}

describe.each(Object.entries(ways))('misses go through a custom HTTPException handler %s', (way, make) => {
  test('404', async () => {
    const response = await make().inject({ url: '/nowhere' })
    expect(response.status).toBe(404)
    expect(response.json()).toEqual({ missed: 'Not Found' })
    expect(response.headers['x-handled']).toBe('yes')
    if (way === 'with middleware') expect(response.headers['x-middleware']).toBe('seen')
  })

  test('405 with its Allow header', async () => {
    const response = await make().inject({ method: 'DELETE', url: '/items' })
    expect(response.status).toBe(405)
    expect(response.json()).toEqual({ missed: 'Method Not Allowed' })
    expect(response.headers.allow).toBe('GET, HEAD')
    expect(response.headers['x-handled']).toBe('yes')
  })
})

test('a mounted app still answers its own paths, and its misses are its own', async () => {
  const app = ways['with a mounted app']()
  expect((await app.inject({ url: '/v2/hello' })).json()).toBe('v2')
  const miss = await app.inject({ url: '/v2/nowhere' })
  expect(miss.status).toBe(404)
  expect(miss.json()).toEqual({ detail: 'Not Found' })
})

test('without a custom handler, misses answer FastAPI’s bodies under middleware too', async () => {
  const app = createApp()
    .get('/items', () => [])
    .use((_request, next) => next())
  expect((await app.inject({ url: '/nowhere' })).body).toBe('{"detail":"Not Found"}')
  const wrong = await app.inject({ method: 'POST', url: '/items' })
  expect(wrong.status).toBe(405)
  expect(wrong.body).toBe('{"detail":"Method Not Allowed"}')
})
