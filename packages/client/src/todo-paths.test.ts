// The openapi-typescript round trip against a real typefast app: the todo app's OpenAPI document,
// generated into a `paths` type (test-support/todo-paths.d.ts), drives createClient<paths> over a
// real socket. The checked-in type must be what openapi-typescript makes of the app as it is now.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTodoApp, type TodoApp } from '../../../apps/todo/src/app.js'
import { openDatabase } from '../../../apps/todo/src/sqlite-file.js'
import { createClient } from './create-client.js'
import { checkedInTodoPaths, generateTodoPaths } from './test-support/todo-openapi.js'
import type { paths } from './test-support/todo-paths.js'

describe('test-support/todo-paths.d.ts', () => {
  test('is what openapi-typescript generates from the todo app now', async () => {
    const fresh = await generateTodoPaths()
    expect(
      checkedInTodoPaths() === fresh,
      'todo-paths.d.ts is stale: run `node --conditions=@typefast/source --import tsx packages/client/scripts/generate-fixture.ts`',
    ).toBe(true)
  })
})

describe('createClient<paths> on the todo app over a socket', () => {
  let dir: string
  let app: TodoApp
  let url: string
  let token: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'typefast-client-todo-'))
    app = createTodoApp({
      database: openDatabase(join(dir, 'todo.db')),
      jwtSecret: 'client-test-secret-0123456789abcdef-0123',
    })
    ;({ url } = await app.listen({ port: 0 }))
    // Sign up through the typed client; the token comes from the OAuth2 password form, which the
    // document does not describe as a request body, so it is posted as a plain form.
    await using client = createClient<paths>(url)
    const created = await client.post('/users', { body: { username: 'ada', password: 'correct horse battery' } })
    expect(created.status).toBe(201)
    const res = await fetch(`${url}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: 'ada', password: 'correct horse battery' }),
    })
    expect(res.status).toBe(200)
    token = ((await res.json()) as { access_token: string }).access_token
  })

  afterAll(async () => {
    await app?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('creates, lists, reads, updates and deletes tasks with typed inputs and results', async () => {
    await using client = createClient<paths>(url, { headers: { authorization: `Bearer ${token}` } })

    const created = await client.post('/tasks', { body: { title: 'Write the client docs', completed: false } })
    expect(created.status).toBe(201)
    if (created.status !== 201) throw new Error(`unexpected ${created.status}`)
    expect(created.data).toEqual({ id: expect.any(Number), title: 'Write the client docs', completed: false })
    const task_id = created.data.id

    const listed = await client.get('/tasks', { query: { limit: 5 } })
    expect(listed.status).toBe(200)
    if (listed.status === 200) expect(listed.data.map((task) => task.title)).toEqual(['Write the client docs'])

    const patched = await client.patch('/tasks/{task_id}', { params: { task_id }, body: { completed: true } })
    expect(patched).toMatchObject({ status: 200, data: { id: task_id, completed: true } })

    const read = await client.get('/tasks/{task_id}', { params: { task_id } })
    expect(read.status).toBe(200)
    if (read.status === 200) expect(read.data.completed).toBe(true)
    expect(read.headers.get('content-type')).toMatch(/^application\/json/)

    const me = await client.get('/users/me')
    expect(me).toMatchObject({ status: 200, data: { username: 'ada' } })

    const deleted = await client.delete('/tasks/{task_id}', { params: { task_id } })
    expect(deleted.status).toBe(204)
    expect(deleted.data).toBeUndefined()

    const gone = await client.get('/tasks/{task_id}', { params: { task_id } })
    expect(gone).toMatchObject({ status: 404, data: { detail: 'Task not found' } })
  })

  test('a 422 carries the HTTPValidationError, a missing token a 401', async () => {
    await using client = createClient<paths>(url, { headers: { authorization: `Bearer ${token}` } })
    const invalid = await client.get('/tasks', { query: { limit: 0 } })
    expect(invalid.status).toBe(422)
    if (invalid.status === 422) expect(invalid.data.detail?.[0]?.loc).toEqual(['query', 'limit'])

    await using anonymous = createClient<paths>(url)
    const denied = await anonymous.get('/tasks')
    expect(denied.status).toBe(401)
    expect(denied.data).toEqual({ detail: 'Not authenticated' })
    expect(denied.headers.get('www-authenticate')).toBe('Bearer')
  })
})
