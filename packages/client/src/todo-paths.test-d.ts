// createClient<paths> on the `paths` type openapi-typescript generated from the todo app
// (test-support/todo-paths.d.ts): inputs checked, results discriminated by status.
import { describe, expectTypeOf, test } from 'vitest'
import type { createClient } from './create-client.js'
import type { components, paths } from './test-support/todo-paths.js'

type Task = components['schemas']['Task']
type HTTPValidationError = components['schemas']['HTTPValidationError']
declare const client: ReturnType<typeof createClient<paths>>

describe('createClient<paths> from the todo app through openapi-typescript', () => {
  test('the methods each path has', () => {
    client.get('/tasks')
    client.post('/tasks', { body: { title: 'a', completed: false } })
    client.put('/tasks/{task_id}', { params: { task_id: 1 }, body: { title: 'a', completed: true } })
    client.get('/users/me')
    // @ts-expect-error /users/me has no DELETE
    client.delete('/users/me')
    // @ts-expect-error no such path
    client.get('/task')
  })

  test('inputs are checked', () => {
    client.get('/tasks', { query: { skip: 0, limit: 10 } })
    // @ts-expect-error limit is a number
    client.get('/tasks', { query: { limit: '10' } })
    // @ts-expect-error the path parameter is required
    client.get('/tasks/{task_id}')
    // @ts-expect-error task_id is a number
    client.get('/tasks/{task_id}', { params: { task_id: 'one' } })
    // @ts-expect-error the body is required
    client.post('/tasks')
    // @ts-expect-error title is a string
    client.post('/tasks', { body: { title: 1, completed: false } })
    client.patch('/tasks/{task_id}', { params: { task_id: 1 }, body: {} })
    // Headers the document does not declare (the bearer token) are always allowed.
    client.get('/tasks', { headers: { authorization: 'Bearer t' } })
  })

  test('results are discriminated by status', async () => {
    const listed = await client.get('/tasks')
    if (listed.status === 200) expectTypeOf(listed.data).toEqualTypeOf<Task[]>()
    if (listed.status === 422) expectTypeOf(listed.data).toEqualTypeOf<HTTPValidationError>()
    if (listed.status === 401) expectTypeOf(listed.data).toEqualTypeOf<unknown>()

    const created = await client.post('/tasks', { body: { title: 'a', completed: false } })
    if (created.status === 201) {
      expectTypeOf(created.data).toEqualTypeOf<Task>()
      expectTypeOf(created.data.id).toEqualTypeOf<number>()
    }
    // @ts-expect-error 200 is not a declared status of POST /tasks: its data is unknown
    if (created.status === 200) created.data.id

    const deleted = await client.delete('/tasks/{task_id}', { params: { task_id: 1 } })
    if (deleted.status === 204) expectTypeOf(deleted.data).toEqualTypeOf<undefined>()

    // @ts-expect-error the password form is a required body
    await client.post('/token')
    const token = await client.post('/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'alice', password: 'secret' }).toString(),
    })
    if (token.status === 200) expectTypeOf(token.data.token_type).toEqualTypeOf<'bearer'>()
    expectTypeOf(token.headers).toEqualTypeOf<Headers>()
  })
})
