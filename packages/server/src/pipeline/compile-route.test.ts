import { expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'

test('the compiled route functions are named after their route: stack traces say which route ran', async () => {
  const logger = quietLogger<{ err: Error }>()
  const app = createApp({ logger }).get('/boom/{id}', () => {
    throw new Error('broken')
  })
  expect((await app.inject({ url: '/boom/1' })).status).toBe(500)
  expect(logger.errors[0]?.err.stack).toMatch(/at (Object\.)?GET \/boom\/\{id\} /)
})

test('under middleware too', async () => {
  const logger = quietLogger<{ err: Error }>()
  const app = createApp({ logger })
    .use((_request, next) => next())
    .get('/boom', () => {
      throw new Error('broken')
    })
  expect((await app.inject({ url: '/boom' })).status).toBe(500)
  expect(logger.errors[0]?.err.stack).toMatch(/at (Object\.)?GET \/boom /)
})
