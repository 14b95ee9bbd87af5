import { createApp, t } from 'typefast'

const NewUser = t.Object({ name: t.String(), password: t.String({ minLength: 8 }) }, { $id: 'NewUser' })

// Each route shows one or more of the deviations: the suite sends both twins the requests of
// conformance/cases/differences-from-fastapi.mjs and recognises each difference below.
export const app = createApp()
  .get('/users/{user_id}', function readUser({ params }) {
    return { user_id: params.user_id }
  })
  .get('/users/me', function readUserMe() {
    return { user_id: 'the current user' }
  })
  .put('/users/{user_id}', { body: NewUser }, function replaceUser({ params, body }) {
    return { user_id: params.user_id, name: body.name }
  })
  .get('/boom', function boom(): { ok: boolean } {
    throw new Error('unexpected')
  })
