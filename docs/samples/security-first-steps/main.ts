import { createApp, oauth2PasswordBearer } from 'typefast'

// Clients get a token by posting a username and password to `token`; they send it back as
// `Authorization: Bearer <token>`.
const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: 'token' })

export const app = createApp().get('/items/', { deps: { token: oauth2Scheme } }, function readItems({ deps }) {
  return { token: deps.token }
})
