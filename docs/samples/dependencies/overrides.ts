import { createApp, dependency } from 'typefast'

// In production this would call another service.
export const currentUser = dependency(async function fetchCurrentUser() {
  const response = await fetch(`${process.env.USERS_SERVICE ?? 'http://127.0.0.1:8001'}/users/me`)
  return (await response.json()) as { name: string }
})

export const app = createApp().get('/me', { deps: { user: currentUser } }, function readMe({ deps }) {
  return { name: deps.user.name }
})
