import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { createTodoApp, type TodoApp } from '../src/app.js'
import { openDatabase } from '../src/sqlite-file.js'

/** A fresh directory for a test's SQLite file; remove() deletes it. */
export function tempDb(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'typefast-todo-'))
  return { path: join(dir, 'todo.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The key the test apps sign tokens with, so tests can forge and expire their own. */
export const TEST_JWT_SECRET = 'test-secret-of-the-todo-app-0123456789abcdef'

// The token of the user startTodo signed up, by base URL: `call` sends it unless told otherwise.
const signedIn = new Map<string, string>()

/**
 * The todo app listening on a free port of 127.0.0.1, on the SQLite file at `dbPath`, with a user
 * signed up and signed in (both scopes): `call` acts as that user.
 */
export async function startTodo(
  dbPath: string,
  options: { tokenTtlSeconds?: number } = {},
): Promise<{ app: TodoApp; url: string; token: string }> {
  const app = createTodoApp({ database: openDatabase(dbPath), jwtSecret: TEST_JWT_SECRET, ...options })
  const { url } = await app.listen({ port: 0 })
  const token = await signUpAndIn(url, 'tester', 'correct horse battery staple')
  signedIn.set(url, token)
  return { app, url, token }
}

/**
 * Sign up `username` (if it is not yet: the file may be reused) and get an access token for
 * `scope` (every scope of the user when empty) over HTTP.
 */
export async function signUpAndIn(base: string, username: string, password: string, scope = ''): Promise<string> {
  const created = await call(base, 'POST', '/users', { username, password }, { authorization: '' })
  if (created.status !== 201 && created.status !== 409) {
    throw new Error(`sign-up failed: ${created.status} ${created.text}`)
  }
  return logIn(base, username, password, scope)
}

/** The OAuth2 password flow: POST /token as a form, as Swagger UI's Authorize button does. */
export async function logIn(base: string, username: string, password: string, scope = ''): Promise<string> {
  const res = await request(`${base}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, scope }).toString(),
  })
  const text = await res.body.text()
  if (res.statusCode !== 200) throw new Error(`log-in failed: ${res.statusCode} ${text}`)
  return (JSON.parse(text) as { access_token: string }).access_token
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: any
}

/**
 * One real HTTP request with undici; a `json` value is sent as an application/json body. The
 * token of the user startTodo signed in goes along, unless `headers.authorization` says otherwise
 * ('' sends none).
 */
export async function call(
  base: string,
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const token = signedIn.get(base)
  const sent: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` }
  Object.assign(sent, headers)
  if (sent.authorization === '') delete sent.authorization
  if (json !== undefined) sent['content-type'] = 'application/json'
  const res = await request(`${base}${path}`, {
    method: method as 'GET',
    headers: sent,
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  })
  const text = await res.body.text()
  const isJson = String(res.headers['content-type']).startsWith('application/json')
  return {
    status: res.statusCode,
    headers: res.headers,
    text,
    json: isJson && text !== '' ? JSON.parse(text) : undefined,
  }
}
