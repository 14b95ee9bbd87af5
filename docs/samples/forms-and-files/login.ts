import { createApp, t } from 'typefast'

// application/x-www-form-urlencoded (an HTML <form>): fields are coerced by the schema as query
// parameters are.
export const app = createApp().post(
  '/login',
  {
    form: t.Object({
      username: t.String({ minLength: 1 }),
      password: t.String(),
      remember: t.Boolean({ default: false }),
    }),
  },
  function login({ form }) {
    return { username: form.username, remember: form.remember }
  },
)
