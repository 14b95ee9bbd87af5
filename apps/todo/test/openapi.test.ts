import { validate } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTodoApp, type TodoApp } from '../src/app.js'
import { openDatabase } from '../src/sqlite-file.js'
import { tempDb } from './helpers.js'

let db: ReturnType<typeof tempDb>
let app: TodoApp

beforeAll(() => {
  db = tempDb()
  app = createTodoApp({ database: openDatabase(db.path) })
})

afterAll(async () => {
  await app.close()
  db.remove()
})

describe('the todo app document', () => {
  test('passes @readme/openapi-parser (OpenAPI 3.1)', async () => {
    const served = (await app.inject({ url: '/openapi.json' })).json()
    // The validator dereferences in place: it gets its own copy.
    const result = await validate(structuredClone(served) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.specification).toBe('OpenAPI')
  })

  test('documents every task operation under the tasks tag, the user operations under users, with their schemas', () => {
    const doc = app.openapi()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('Todo API')
    expect(doc.tags?.map((tag) => tag.name)).toEqual(['tasks', 'users'])
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId} ${op.tags}`),
    )
    expect(operations.sort()).toEqual(
      [
        'DELETE /tasks/{task_id} delete_task_tasks__task_id__delete tasks',
        'GET /tasks list_tasks_tasks_get tasks',
        'GET /tasks/{task_id} read_task_tasks__task_id__get tasks',
        'PATCH /tasks/{task_id} update_task_tasks__task_id__patch tasks',
        'POST /tasks create_task_tasks_post tasks',
        'PUT /tasks/{task_id} replace_task_tasks__task_id__put tasks',
        'GET /users/me read_users_me_users_me_get users',
        'POST /token login_token_post users',
        'POST /users sign_up_users_post users',
      ].sort(),
    )
    // The OAuth2 password form is FastAPI's Body_login_token_post.
    expect(Object.keys(doc.components?.schemas ?? {}).sort()).toEqual([
      'Body_login_token_post',
      'HTTPValidationError',
      'Task',
      'TaskIn',
      'TaskPatch',
      'Token',
      'User',
      'UserIn',
      'ValidationError',
    ])
    // The pagination dependency's query inputs are parameters of the list.
    expect(doc.paths['/tasks']?.get?.parameters?.map((p) => p.name)).toEqual(['skip', 'limit'])
    expect(doc.paths['/tasks/{task_id}']?.delete?.responses['204']).toEqual({ description: 'Successful Response' })
  })
})
