import { SignJWT } from 'jose'
import { request } from 'undici'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { TodoApp } from '../src/app.js'
import { call, logIn, signUpAndIn, startTodo, TEST_JWT_SECRET, tempDb } from './helpers.js'

let db: ReturnType<typeof tempDb>
let app: TodoApp
let url: string

beforeEach(async () => {
  db = tempDb()
  ;({ app, url } = await startTodo(db.path))
})

afterEach(async () => {
  await app.close()
  db.remove()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const key = new TextEncoder().encode(TEST_JWT_SECRET)

/** A token as the app would sign it, with the claims given. */
function sign(claims: { sub?: string; scope?: string; exp?: number | string }, secret = key) {
  const jwt = new SignJWT({ scope: claims.scope ?? 'tasks:read tasks:write' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '5m')
  if (claims.sub !== undefined) jwt.setSubject(claims.sub)
  return jwt.sign(secret)
}

describe('without a valid token', () => {
  test('no token: 401 Not authenticated with WWW-Authenticate: Bearer, on every task operation', async () => {
    for (const [method, path, json] of [
      ['GET', '/tasks', undefined],
      ['POST', '/tasks', { title: 'x' }],
      ['GET', '/tasks/1', undefined],
      ['PUT', '/tasks/1', { title: 'x' }],
      ['PATCH', '/tasks/1', { title: 'x' }],
      ['DELETE', '/tasks/1', undefined],
      ['GET', '/users/me', undefined],
    ] as const) {
      const res = await call(url, method, path, json, { authorization: '' })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.json).toEqual({ detail: 'Not authenticated' })
      expect(res.headers['www-authenticate']).toBe('Bearer')
    }
  })

  test('an expired token: 401 Could not validate credentials, naming the scope required', async () => {
    const expired = await sign({ sub: '1', exp: Math.floor(Date.now() / 1000) - 10 })
    const res = await call(url, 'GET', '/tasks', undefined, bearer(expired))
    expect(res.status).toBe(401)
    expect(res.json).toEqual({ detail: 'Could not validate credentials' })
    expect(res.headers['www-authenticate']).toBe('Bearer scope="tasks:read"')
    expect(res.text).not.toContain(expired)
  })

  test('a token that really expires: valid first, 401 once its time is over', async () => {
    const short = tempDb()
    const other = await startTodo(short.path, { tokenTtlSeconds: 3 })
    try {
      const { exp } = JSON.parse(Buffer.from(other.token.split('.')[1]!, 'base64url').toString()) as { exp: number }
      expect((await call(other.url, 'GET', '/tasks')).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 + 1100 - Date.now())))
      expect((await call(other.url, 'GET', '/tasks')).status).toBe(401)
    } finally {
      await other.app.close()
      short.remove()
    }
  })

  test('forged tokens: another key, a changed payload, alg none, garbage, an unknown user: 401', async () => {
    const valid = await sign({ sub: '1' })
    const [header, , signature] = valid.split('.')
    const payload = Buffer.from(
      JSON.stringify({ sub: '2', scope: 'tasks:read tasks:write', exp: 9999999999 }),
    ).toString('base64url')
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`
    const forged = [
      await sign({ sub: '1' }, new TextEncoder().encode('another-key-another-key-another-key!!')),
      `${header}.${payload}.${signature}`,
      none,
      'not-a-jwt',
      await sign({ sub: '999' }),
      await sign({}),
    ]
    for (const token of forged) {
      const res = await call(url, 'GET', '/tasks', undefined, bearer(token))
      expect(res.status, token).toBe(401)
      expect(res.json).toEqual({ detail: 'Could not validate credentials' })
    }
    expect((await call(url, 'GET', '/tasks', undefined, bearer(valid))).status).toBe(200)
  })
})

describe('scopes', () => {
  test('a read-only token lists and reads, and gets 403 for every change', async () => {
    const writer = await signUpAndIn(url, 'writer', 'writer password 1')
    const created = await call(url, 'POST', '/tasks', { title: 'mine' }, bearer(writer))
    expect(created.status).toBe(201)
    const reader = await logIn(url, 'writer', 'writer password 1', 'tasks:read')
    expect((await call(url, 'GET', '/tasks', undefined, bearer(reader))).json).toEqual([created.json])
    expect((await call(url, 'GET', `/tasks/${created.json.id}`, undefined, bearer(reader))).status).toBe(200)
    for (const [method, path, json] of [
      ['POST', '/tasks', { title: 'x' }],
      ['PUT', `/tasks/${created.json.id}`, { title: 'x' }],
      ['PATCH', `/tasks/${created.json.id}`, { completed: true }],
      ['DELETE', `/tasks/${created.json.id}`, undefined],
    ] as const) {
      const res = await call(url, method, path, json, bearer(reader))
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(res.json).toEqual({ detail: 'Not enough permissions' })
      expect(res.headers['www-authenticate']).toBe('Bearer scope="tasks:write"')
    }
  })

  test('a write-only token cannot read', async () => {
    await signUpAndIn(url, 'writeonly', 'writer password 2')
    const writeOnly = await logIn(url, 'writeonly', 'writer password 2', 'tasks:write')
    expect((await call(url, 'POST', '/tasks', { title: 'x' }, bearer(writeOnly))).status).toBe(201)
    expect((await call(url, 'GET', '/tasks', undefined, bearer(writeOnly))).status).toBe(403)
  })
})

describe('tasks belong to their user', () => {
  test("another user's task is 404 for every operation, and not in their list", async () => {
    const alice = await signUpAndIn(url, 'alice', 'alice password')
    const bob = await signUpAndIn(url, 'bob', 'bob password 12')
    const task = (await call(url, 'POST', '/tasks', { title: "alice's" }, bearer(alice))).json
    for (const [method, json] of [
      ['GET', undefined],
      ['PUT', { title: 'stolen' }],
      ['PATCH', { completed: true }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(url, method, `/tasks/${task.id}`, json, bearer(bob))
      expect(res.status, method).toBe(404)
      expect(res.json).toEqual({ detail: 'Task not found' })
    }
    expect((await call(url, 'GET', '/tasks', undefined, bearer(bob))).json).toEqual([])
    expect((await call(url, 'GET', `/tasks/${task.id}`, undefined, bearer(alice))).json).toEqual(task)
  })
})

describe('sign-up and log-in', () => {
  test('sign-up answers the user, never the password; a taken name is 409', async () => {
    const res = await call(
      url,
      'POST',
      '/users',
      { username: 'carol', password: 'carol password' },
      { authorization: '' },
    )
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ id: expect.any(Number), username: 'carol', scopes: ['tasks:read', 'tasks:write'] })
    const again = await call(
      url,
      'POST',
      '/users',
      { username: 'carol', password: 'other password' },
      { authorization: '' },
    )
    expect(again.status).toBe(409)
    expect(again.json).toEqual({ detail: 'Username already registered' })
  })

  test('a bad password or user name is 400, and no error echoes a password', async () => {
    await signUpAndIn(url, 'dave', 'dave password')
    for (const [username, password] of [
      ['dave', 'wrong password'],
      ['nobody', 'dave password'],
    ]) {
      const res = await request(`${url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: username!, password: password! }).toString(),
      })
      expect(res.statusCode).toBe(400)
      const text = await res.body.text()
      expect(JSON.parse(text)).toEqual({ detail: 'Incorrect username or password' })
      expect(text).not.toContain(password)
    }
    const short = await call(url, 'POST', '/users', { username: 'eve', password: 'pw-x1' }, { authorization: '' })
    expect(short.status).toBe(422)
    expect(short.text).not.toContain('pw-x1')
    const missing = await call(url, 'POST', '/users', { password: 'secret-pw-9' }, { authorization: '' })
    expect(missing.status).toBe(422)
    expect(missing.text).not.toContain('secret-pw-9')
  })

  test('the stored password is a salted scrypt hash', async () => {
    const { openDatabase } = await import('../src/sqlite-file.js')
    await signUpAndIn(url, 'frank', 'same password')
    await signUpAndIn(url, 'grace', 'same password')
    const file = openDatabase(db.path)
    const rows = file
      .prepare<[string, string], { password_hash: Uint8Array; salt: Uint8Array }>(
        'SELECT password_hash, salt FROM users WHERE username IN (?, ?)',
      )
      .all('frank', 'grace')
      .map((row) => ({ password_hash: Buffer.from(row.password_hash), salt: Buffer.from(row.salt) }))
    file.close()
    expect(rows).toHaveLength(2)
    expect(rows[0]!.salt.equals(rows[1]!.salt)).toBe(false)
    expect(rows[0]!.password_hash.equals(rows[1]!.password_hash)).toBe(false)
    expect(rows[0]!.password_hash.toString('latin1')).not.toContain('same password')
  })
})

test('the full flow over real HTTP: sign up, log in, create, list, read me', async () => {
  const signUp = await request(`${url}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'henry', password: 'henry password' }),
  })
  expect(signUp.statusCode).toBe(201)
  await signUp.body.dump()
  const tokenRes = await request(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=henry&password=henry+password&scope=tasks%3Aread+tasks%3Awrite',
  })
  expect(tokenRes.statusCode).toBe(200)
  const token = (await tokenRes.body.json()) as Record<string, unknown>
  expect(token).toEqual({
    access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    token_type: 'bearer',
    expires_in: 1800,
    scope: 'tasks:read tasks:write',
  })
  const auth = { authorization: `Bearer ${token.access_token}` }
  const created = await request(`${url}/tasks`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Write the docs' }),
  })
  expect(created.statusCode).toBe(201)
  const task = await created.body.json()
  const listed = await request(`${url}/tasks`, { headers: auth })
  expect(await listed.body.json()).toEqual([task])
  const me = await request(`${url}/users/me`, { headers: auth })
  expect(await me.body.json()).toEqual({
    id: expect.any(Number),
    username: 'henry',
    scopes: ['tasks:read', 'tasks:write'],
  })
})

test('the document declares the password flow with both scopes, and the scopes of each operation', () => {
  const doc = app.openapi()
  expect(doc.components?.securitySchemes).toEqual({
    OAuth2PasswordBearer: {
      type: 'oauth2',
      flows: {
        password: {
          scopes: { 'tasks:read': 'Read your tasks.', 'tasks:write': 'Create, change and delete your tasks.' },
          tokenUrl: 'token',
        },
      },
    },
  })
  expect(doc.paths['/tasks']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['tasks:read'] }])
  expect(doc.paths['/tasks']?.post?.security).toEqual([{ OAuth2PasswordBearer: ['tasks:write'] }])
  expect(doc.paths['/users/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
  expect(doc.paths['/token']?.post?.security).toBeUndefined()
  expect(doc.paths['/users']?.post?.security).toBeUndefined()
})
