import { createApp } from 'typefast'

// The parameter route is registered first, and /users/me still wins: static segments always do.
export const app = createApp()
  .get('/users/{user_id}', function readUser({ params }) {
    return { user_id: params.user_id }
  })
  .get('/users/me', function readUserMe() {
    return { user_id: 'the current user' }
  })
