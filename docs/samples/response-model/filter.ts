import { createApp, t } from 'typefast'

const UserIn = t.Object(
  {
    username: t.String(),
    password: t.String({ minLength: 8 }),
    email: t.String({ format: 'email' }),
  },
  { $id: 'UserIn' },
)

const UserOut = t.Object({ username: t.String(), email: t.String() }, { $id: 'UserOut' })

export const app = createApp().post(
  '/users/',
  { body: UserIn, response: UserOut, status: 201 },
  function createUser({ body }) {
    // Returning the input is fine: the serializer writes only username and email.
    return body
  },
)
