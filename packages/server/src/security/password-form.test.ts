import { post } from '@typefast/router'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import type { Logger } from '../logging/logger.js'
import { listenForTest } from '../test-support.js'
import { passwordRequest, passwordRequestForm, passwordRequestFormStrict } from './password-form.js'

const silent: Logger = { error: () => {}, warn: () => {}, info: () => {} }
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' }

function tokenApp() {
  return createApp({ logger: silent })
    .add(
      post('/token', { form: passwordRequestForm }, function login({ form }) {
        return passwordRequest(form)
      }),
    )
    .add(
      post('/strict', { form: passwordRequestFormStrict }, function strict({ form }) {
        return passwordRequest(form)
      }),
    )
}

describe('passwordRequestForm', () => {
  const app = tokenApp()

  test('reads username, password, scopes split on spaces, and the optional fields', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/token',
      headers: urlencoded,
      body: 'grant_type=password&username=johndoe&password=s%26cret&scope=me+items%20%20tasks:read&client_id=app&client_secret=xyz',
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({
      grantType: 'password',
      username: 'johndoe',
      password: 's&cret',
      scopes: ['me', 'items', 'tasks:read'],
      clientId: 'app',
      clientSecret: 'xyz',
    })
    const minimal = await app.inject({
      method: 'POST',
      url: '/token',
      headers: urlencoded,
      body: 'username=a&password=b',
    })
    expect(minimal.json()).toEqual({ username: 'a', password: 'b', scopes: [] })
  })

  test('grant_type, when sent, must be password; the strict form requires it', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/token',
      headers: urlencoded,
      body: 'grant_type=client_credentials&username=a&password=b',
    })
    expect(wrong.status).toBe(422)
    expect(wrong.json<any>().detail[0].loc).toEqual(['body', 'grant_type'])
    const missing = await app.inject({
      method: 'POST',
      url: '/strict',
      headers: urlencoded,
      body: 'username=a&password=b',
    })
    expect(missing.status).toBe(422)
    expect(missing.json<any>().detail.map((e: { loc: string[] }) => e.loc)).toEqual([['body', 'grant_type']])
    const ok = await app.inject({
      method: 'POST',
      url: '/strict',
      headers: urlencoded,
      body: 'grant_type=password&username=a&password=b',
    })
    expect(ok.status).toBe(200)
  })

  test('a missing field answers 422 without echoing the password', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/token',
      headers: urlencoded,
      body: 'password=hunter2-secret',
    })
    expect(response.status).toBe(422)
    expect(response.json<any>().detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'username'] })
    expect(response.body).not.toContain('hunter2-secret')
  })

  test('works over a real socket', async () => {
    const { url } = await listenForTest(tokenApp(), { accessLog: false })
    const response = await request(`${url}/token`, {
      method: 'POST',
      headers: urlencoded,
      body: new URLSearchParams({ username: 'alice', password: 'pw', scope: 'a b' }).toString(),
    })
    expect(response.statusCode).toBe(200)
    expect(await response.body.json()).toEqual({ username: 'alice', password: 'pw', scopes: ['a', 'b'] })
  })
})
