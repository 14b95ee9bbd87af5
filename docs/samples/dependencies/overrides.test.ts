import { dependency } from 'typefast'
import { expect, test } from 'vitest'
import { app, currentUser } from './overrides.js'

test('the route sees the test user', async () => {
  app.overrideDependency(
    currentUser,
    dependency(() => ({ name: 'Test User' })),
  )
  try {
    const response = await app.inject({ url: '/me' })
    expect(response.json()).toEqual({ name: 'Test User' })
  } finally {
    app.clearDependencyOverrides()
  }
})
