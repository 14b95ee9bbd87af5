// The Security pages' samples, run as their pages say (FastAPI's tests/test_tutorial/test_security).
import { describe, expect, test } from 'vitest'

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  url: '/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})
const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})
const notAuthenticated = { detail: 'Not authenticated' }

describe('security: first steps', () => {
  test('no token is 401 with WWW-Authenticate: Bearer; a token reaches the handler', async () => {
    const { app } = await import('./samples/security-first-steps/main.js')
    const missing = await app.inject({ url: '/items/' })
    expect(missing.status).toBe(401)
    expect(missing.json()).toEqual(notAuthenticated)
    expect(missing.headers['www-authenticate']).toBe('Bearer')
    const other = await app.inject({ url: '/items/', headers: { authorization: 'Notexistent testtoken' } })
    expect(other.status).toBe(401)
    const ok = await app.inject({ url: '/items/', headers: { authorization: 'Bearer testtoken' } })
    expect(ok.json()).toEqual({ token: 'testtoken' })
  })

  test('the document has the scheme and the requirement, and no parameter nor 422', async () => {
    const { app } = await import('./samples/security-first-steps/main.js')
    const document = app.openapi()
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
    })
    const operation = document.paths['/items/']?.get
    expect(operation?.security).toEqual([{ OAuth2PasswordBearer: [] }])
    expect(operation?.parameters).toBeUndefined()
    expect(Object.keys(operation?.responses ?? {})).toEqual(['200'])
  })
})

describe('security: get the current user', () => {
  test('the user comes from the token', async () => {
    const { app } = await import('./samples/security-current-user/main.js')
    const me = await app.inject({ url: '/users/me', headers: { authorization: 'Bearer testtoken' } })
    expect(me.json()).toEqual({
      username: 'testtokenfakedecoded',
      email: 'john@example.com',
      full_name: 'John Doe',
      disabled: null,
    })
    expect((await app.inject({ url: '/users/me' })).status).toBe(401)
    expect(app.openapi().paths['/users/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
  })
})

describe('security: simple OAuth2', () => {
  test('log in, then read me', async () => {
    const { app } = await import('./samples/security-simple-oauth2/main.js')
    const login = await app.inject(form({ username: 'johndoe', password: 'secret' }))
    expect(login.json()).toEqual({ access_token: 'johndoe', token_type: 'bearer' })
    const me = await app.inject({ url: '/users/me', headers: { authorization: 'Bearer johndoe' } })
    expect(me.json()).toEqual({
      username: 'johndoe',
      full_name: 'John Doe',
      email: 'johndoe@example.com',
      disabled: false,
    })
  })

  test('wrong credentials 400, an unknown token 401, an inactive user 400, a missing field 422', async () => {
    const { app } = await import('./samples/security-simple-oauth2/main.js')
    for (const fields of [
      { username: 'johndoe', password: 'incorrect' },
      { username: 'nobody', password: 'secret' },
    ]) {
      const res = await app.inject(form(fields))
      expect(res.status).toBe(400)
      expect(res.json()).toEqual({ detail: 'Incorrect username or password' })
    }
    const unknown = await app.inject({ url: '/users/me', headers: { authorization: 'Bearer nonexistent' } })
    expect(unknown.status).toBe(401)
    expect(unknown.json()).toEqual({ detail: 'Invalid authentication credentials' })
    const inactive = await app.inject({ url: '/users/me', headers: { authorization: 'Bearer alice' } })
    expect(inactive.status).toBe(400)
    expect(inactive.json()).toEqual({ detail: 'Inactive user' })
    const missing = await app.inject(form({ password: 'secret-in-body' }))
    expect(missing.status).toBe(422)
    expect(missing.body).not.toContain('secret-in-body')
    const grant = await app.inject(form({ username: 'johndoe', password: 'secret', grant_type: 'implicit' }))
    expect(grant.status).toBe(422)
  })
})

describe('security: OAuth2 with JWT', () => {
  test('log in for a signed token with an expiry, then read me', async () => {
    const { app } = await import('./samples/security-oauth2-jwt/main.js')
    const login = await app.inject(form({ username: 'johndoe', password: 'secret' }))
    expect(login.status).toBe(200)
    const { access_token, token_type } = login.json<{ access_token: string; token_type: string }>()
    expect(token_type).toBe('bearer')
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString())
    expect(claims.sub).toBe('johndoe')
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(29 * 60)
    const me = await app.inject({ url: '/users/me/', headers: { authorization: `Bearer ${access_token}` } })
    expect(me.json()).toEqual({
      username: 'johndoe',
      full_name: 'John Doe',
      email: 'johndoe@example.com',
      disabled: false,
    })
  })

  test('a wrong password 401; a forged or garbage token 401', async () => {
    const { app } = await import('./samples/security-oauth2-jwt/main.js')
    const wrong = await app.inject(form({ username: 'johndoe', password: 'wrong' }))
    expect(wrong.status).toBe(401)
    expect(wrong.headers['www-authenticate']).toBe('Bearer')
    const { access_token } = (await app.inject(form({ username: 'johndoe', password: 'secret' }))).json<{
      access_token: string
    }>()
    const [header, payload] = access_token.split('.')
    for (const token of ['garbage', `${header}.${payload}.AAAA`]) {
      const res = await app.inject({ url: '/users/me/', headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(401)
      expect(res.json()).toEqual({ detail: 'Could not validate credentials' })
    }
  })

  test('hashPassword salts every hash', async () => {
    const { hashPassword } = await import('./samples/security-oauth2-jwt/main.js')
    expect(hashPassword('secret')).not.toBe(hashPassword('secret'))
  })
})

describe('security: OAuth2 scopes', () => {
  async function tokenFor(username: string, password: string, scope: string) {
    const { app } = await import('./samples/security-oauth2-scopes/main.js')
    const res = await app.inject(form({ username, password, scope }))
    expect(res.status).toBe(200)
    return res.json<{ access_token: string }>().access_token
  }

  test('a token with the scopes reads the items; without items it is 403', async () => {
    const { app } = await import('./samples/security-oauth2-scopes/main.js')
    const full = await tokenFor('johndoe', 'secret', 'me items')
    const items = await app.inject({ url: '/users/me/items/', headers: { authorization: `Bearer ${full}` } })
    expect(items.json()).toEqual([{ item_id: 'Foo', owner: 'johndoe' }])
    const meOnly = await tokenFor('johndoe', 'secret', 'me')
    const forbidden = await app.inject({ url: '/users/me/items/', headers: { authorization: `Bearer ${meOnly}` } })
    expect(forbidden.status).toBe(403)
    expect(forbidden.json()).toEqual({ detail: 'Not enough permissions' })
    expect(forbidden.headers['www-authenticate']).toBe('Bearer scope="items me"')
    expect((await app.inject({ url: '/users/me/', headers: { authorization: `Bearer ${meOnly}` } })).status).toBe(200)
  })

  test('a user is never granted a scope they do not have', async () => {
    const { app } = await import('./samples/security-oauth2-scopes/main.js')
    const alice = await tokenFor('alice', 'secret2', 'me items')
    const res = await app.inject({ url: '/users/me/items/', headers: { authorization: `Bearer ${alice}` } })
    expect(res.status).toBe(403)
    const status = await app.inject({ url: '/status/', headers: { authorization: `Bearer ${alice}` } })
    expect(status.json()).toEqual({ status: 'ok' })
  })

  test('the document lists the scopes and what each operation requires', async () => {
    const { app } = await import('./samples/security-oauth2-scopes/main.js')
    const document = app.openapi()
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: {
          password: {
            scopes: { me: 'Read information about the current user.', items: 'Read items.' },
            tokenUrl: 'token',
          },
        },
      },
    })
    expect(document.paths['/users/me/']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }])
    expect(document.paths['/users/me/items/']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }])
    expect(document.paths['/status/']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
  })
})

describe('security: HTTP Basic', () => {
  test('the right credentials pass; wrong ones 401 with the realm; none 401 Not authenticated', async () => {
    const { app } = await import('./samples/security-http-basic/main.js')
    const ok = await app.inject({ url: '/users/me', headers: basic('stanleyjobson', 'swordfish') })
    expect(ok.json()).toEqual({ username: 'stanleyjobson' })
    for (const [user, password] of [
      ['stanleyjobson', 'wrong'],
      ['other', 'swordfish'],
    ]) {
      const res = await app.inject({ url: '/users/me', headers: basic(user!, password!) })
      expect(res.status).toBe(401)
      expect(res.json()).toEqual({ detail: 'Incorrect username or password' })
      expect(res.headers['www-authenticate']).toBe('Basic realm="simple"')
    }
    const none = await app.inject({ url: '/users/me' })
    expect(none.status).toBe(401)
    expect(none.json()).toEqual(notAuthenticated)
    expect(none.headers['www-authenticate']).toBe('Basic realm="simple"')
    expect(app.openapi().components?.securitySchemes).toEqual({ HTTPBasic: { type: 'http', scheme: 'basic' } })
  })
})
