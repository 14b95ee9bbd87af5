import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'

// Cookies as Starlette parses them: each expected body is FastAPI 0.142.2's answer to the twin
// app (`session: str | None = Cookie(None)`, `other: str | None = Cookie(None)`).

const app = createApp().get(
  '/cookies',
  { cookies: t.Object({ session: t.Optional(t.String()), other: t.Optional(t.String()) }) },
  ({ cookies }) => ({ session: cookies.session ?? null, other: cookies.other ?? null }),
)
const read = async (cookie: string | string[]) => (await app.inject({ url: '/cookies', headers: { cookie } })).body

describe('cookies', () => {
  test('a quoted value is unquoted; a percent escape is left as it is', async () => {
    expect(await read('session="abc def"; other=a%20b')).toBe('{"session":"abc def","other":"a%20b"}')
  })

  test("backslash and octal escapes inside quotes are decoded, as Python's http.cookies does", async () => {
    expect(await read('session="a\\"b\\073c"')).toBe('{"session":"a\\"b;c","other":null}')
  })

  test('the last of a repeated name wins', async () => {
    expect(await read('session=1; session=2')).toBe('{"session":"2","other":null}')
  })

  test('two Cookie headers are read together', async () => {
    expect(await read(['session=1', 'other=2'])).toBe('{"session":"1","other":"2"}')
  })

  test('a chunk without "=" is a value with an empty name; a value keeps its own "="', async () => {
    expect(await read('session; other=x=y')).toBe('{"session":null,"other":"x=y"}')
  })
})
