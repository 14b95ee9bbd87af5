import { afterAll, afterEach, beforeEach, describe, expect, onTestFinished, test } from 'vitest'
import type { TodoApp } from '../src/app.js'
import { call, startTodo, tempDb } from './helpers.js'

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

const create = (title: string, completed?: boolean) =>
  call(url, 'POST', '/tasks', completed === undefined ? { title } : { title, completed })

describe('POST /tasks', () => {
  test('creates a task: 201, an id, completed false by default', async () => {
    const res = await create('Buy milk')
    expect(res.status).toBe(201)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.json).toEqual({ id: 1, title: 'Buy milk', completed: false })
    expect((await create('Walk the dog', true)).json).toEqual({ id: 2, title: 'Walk the dog', completed: true })
  })

  test('fields the schema does not know are neither stored nor answered', async () => {
    const res = await call(url, 'POST', '/tasks', { title: 'x', owner: 'eve' })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ id: 1, title: 'x', completed: false })
  })

  test('a title of 200 characters is accepted, 201 is not', async () => {
    expect((await create('a'.repeat(200))).status).toBe(201)
    const res = await create('a'.repeat(201))
    expect(res.status).toBe(422)
    expect(res.json).toEqual({
      detail: [
        {
          type: 'string_too_long',
          loc: ['body', 'title'],
          msg: 'String should have at most 200 characters',
          input: 'a'.repeat(201),
          ctx: { max_length: 200 },
        },
      ],
    })
  })

  test('an empty title is 422 string_too_short', async () => {
    const res = await create('')
    expect(res.status).toBe(422)
    expect(res.json).toEqual({
      detail: [
        {
          type: 'string_too_short',
          loc: ['body', 'title'],
          msg: 'String should have at least 1 character',
          input: '',
          ctx: { min_length: 1 },
        },
      ],
    })
  })

  test('a missing title, a wrong completed type and a missing body are 422', async () => {
    const res = await call(url, 'POST', '/tasks', { completed: 'maybe' })
    expect(res.status).toBe(422)
    expect(res.json.detail.map((e: { type: string; loc: unknown[] }) => [e.type, e.loc])).toEqual(
      expect.arrayContaining([
        ['missing', ['body', 'title']],
        ['bool_parsing', ['body', 'completed']],
      ]),
    )
    const empty = await call(url, 'POST', '/tasks')
    expect(empty.status).toBe(422)
    expect(empty.json.detail[0]).toMatchObject({ type: 'missing', loc: ['body'] })
  })

  test('malformed JSON is 422 json_invalid', async () => {
    const { request } = await import('undici')
    const res = await request(`${url}/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    })
    expect(res.statusCode).toBe(422)
    expect(((await res.body.json()) as { detail: { type: string }[] }).detail[0]!.type).toBe('json_invalid')
  })
})

describe('GET /tasks', () => {
  test('lists nothing on a new database', async () => {
    const res = await call(url, 'GET', '/tasks')
    expect(res.status).toBe(200)
    expect(res.json).toEqual([])
  })

  test('pages with skip and limit; 10 by default, in creation order', async () => {
    for (let i = 1; i <= 15; i++) await create(`task ${i}`)
    const first = await call(url, 'GET', '/tasks')
    expect(first.json.map((task: { id: number }) => task.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const page = await call(url, 'GET', '/tasks?skip=3&limit=4')
    expect(page.json).toEqual([
      { id: 4, title: 'task 4', completed: false },
      { id: 5, title: 'task 5', completed: false },
      { id: 6, title: 'task 6', completed: false },
      { id: 7, title: 'task 7', completed: false },
    ])
    expect((await call(url, 'GET', '/tasks?skip=12&limit=100')).json).toHaveLength(3)
    expect((await call(url, 'GET', '/tasks?skip=50')).json).toEqual([])
  })

  test('the trailing slash reaches the same route, with no redirect', async () => {
    await create('one')
    const res = await call(url, 'GET', '/tasks/?limit=1')
    expect(res.status).toBe(200)
    expect(res.json).toEqual([{ id: 1, title: 'one', completed: false }])
  })

  test('limit=0 is 422 greater_than_equal', async () => {
    const res = await call(url, 'GET', '/tasks?limit=0')
    expect(res.status).toBe(422)
    expect(res.json).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    })
  })

  test('limit over 100, a negative skip and a non-integer are 422, each field reported', async () => {
    const res = await call(url, 'GET', '/tasks?skip=-1&limit=101')
    expect(res.status).toBe(422)
    expect(res.json.detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'greater_than_equal', loc: ['query', 'skip'], input: '-1', ctx: { ge: 0 } }),
        expect.objectContaining({ type: 'less_than_equal', loc: ['query', 'limit'], input: '101', ctx: { le: 100 } }),
      ]),
    )
    expect(res.json.detail).toHaveLength(2)
    const words = await call(url, 'GET', '/tasks?limit=ten')
    expect(words.json.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'limit'], input: 'ten' })
  })
})

describe('GET /tasks/{task_id}', () => {
  test('reads one task', async () => {
    await create('one')
    await create('two', true)
    const res = await call(url, 'GET', '/tasks/2')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ id: 2, title: 'two', completed: true })
  })

  test('404 Task not found when missing', async () => {
    const res = await call(url, 'GET', '/tasks/42')
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ detail: 'Task not found' })
  })

  test('a task_id that is not an integer is 422 int_parsing', async () => {
    const res = await call(url, 'GET', '/tasks/abc')
    expect(res.status).toBe(422)
    expect(res.json).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'task_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'abc',
        },
      ],
    })
  })
})

describe('PUT /tasks/{task_id}', () => {
  test('replaces every field; a left-out completed goes back to false', async () => {
    await create('draft', true)
    const res = await call(url, 'PUT', '/tasks/1', { title: 'final' })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ id: 1, title: 'final', completed: false })
    expect((await call(url, 'GET', '/tasks/1')).json).toEqual({ id: 1, title: 'final', completed: false })
  })

  test('404 when missing, 422 when the title is missing or too long', async () => {
    expect(await call(url, 'PUT', '/tasks/7', { title: 'x' })).toMatchObject({
      status: 404,
      json: { detail: 'Task not found' },
    })
    await create('one')
    const missing = await call(url, 'PUT', '/tasks/1', { completed: true })
    expect(missing.status).toBe(422)
    expect(missing.json.detail).toEqual([
      { type: 'missing', loc: ['body', 'title'], msg: 'Field required', input: { completed: true } },
    ])
    const long = await call(url, 'PUT', '/tasks/1', { title: 'b'.repeat(201) })
    expect(long.status).toBe(422)
    expect(long.json.detail[0]).toMatchObject({ type: 'string_too_long', loc: ['body', 'title'] })
  })
})

describe('PATCH /tasks/{task_id}', () => {
  test('changes only the fields that are sent', async () => {
    await create('write docs')
    const done = await call(url, 'PATCH', '/tasks/1', { completed: true })
    expect(done.status).toBe(200)
    expect(done.json).toEqual({ id: 1, title: 'write docs', completed: true })
    const renamed = await call(url, 'PATCH', '/tasks/1', { title: 'write the docs' })
    expect(renamed.json).toEqual({ id: 1, title: 'write the docs', completed: true })
    const nothing = await call(url, 'PATCH', '/tasks/1', {})
    expect(nothing.json).toEqual({ id: 1, title: 'write the docs', completed: true })
    const undone = await call(url, 'PATCH', '/tasks/1', { completed: false })
    expect(undone.json).toEqual({ id: 1, title: 'write the docs', completed: false })
  })

  test('404 when missing, 422 for an empty or too long title', async () => {
    expect(await call(url, 'PATCH', '/tasks/3', { completed: true })).toMatchObject({
      status: 404,
      json: { detail: 'Task not found' },
    })
    await create('one')
    const empty = await call(url, 'PATCH', '/tasks/1', { title: '' })
    expect(empty.status).toBe(422)
    expect(empty.json.detail[0]).toMatchObject({ type: 'string_too_short', loc: ['body', 'title'] })
    const long = await call(url, 'PATCH', '/tasks/1', { title: 'c'.repeat(201) })
    expect(long.json.detail[0]).toMatchObject({ type: 'string_too_long', loc: ['body', 'title'] })
    expect((await call(url, 'GET', '/tasks/1')).json.title).toBe('one')
  })
})

describe('DELETE /tasks/{task_id}', () => {
  test('204 with no body, then the task is gone', async () => {
    await create('one')
    await create('two')
    const res = await call(url, 'DELETE', '/tasks/1')
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await call(url, 'GET', '/tasks/1')).status).toBe(404)
    expect((await call(url, 'GET', '/tasks')).json).toEqual([{ id: 2, title: 'two', completed: false }])
  })

  test('404 when missing (also the second time)', async () => {
    await create('one')
    expect((await call(url, 'DELETE', '/tasks/1')).status).toBe(204)
    expect(await call(url, 'DELETE', '/tasks/1')).toMatchObject({ status: 404, json: { detail: 'Task not found' } })
  })
})

describe('the rest of the app', () => {
  test('unknown paths 404 and wrong methods 405, as FastAPI', async () => {
    expect(await call(url, 'GET', '/nope')).toMatchObject({ status: 404, json: { detail: 'Not Found' } })
    const res = await call(url, 'POST', '/tasks/1', { title: 'x' })
    expect(res.status).toBe(405)
    expect(res.json).toEqual({ detail: 'Method Not Allowed' })
  })

  test('serves its OpenAPI document, titled and tagged, and the docs page', async () => {
    const doc = await call(url, 'GET', '/openapi.json')
    expect(doc.status).toBe(200)
    expect(doc.json.info).toMatchObject({ title: 'Todo API', version: '1.0.0' })
    expect(doc.json.tags).toEqual([
      { name: 'tasks', description: expect.any(String) },
      { name: 'users', description: expect.any(String) },
    ])
    expect(Object.keys(doc.json.paths)).toEqual(['/tasks', '/tasks/{task_id}', '/users', '/token', '/users/me'])
    expect(doc.json.paths['/tasks'].get.tags).toEqual(['tasks'])
    expect(doc.json.paths['/tasks'].post.summary).toBe('Create Task')
    expect(doc.json.paths['/tasks'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['skip', 'limit'])
    expect(Object.keys(doc.json.components.schemas)).toEqual(expect.arrayContaining(['Task', 'TaskIn', 'TaskPatch']))
    const docs = await call(url, 'GET', '/docs')
    expect(docs.status).toBe(200)
    expect(docs.headers['content-type']).toMatch(/^text\/html/)
  })
})

describe('the SQLite file', () => {
  const file = tempDb()
  afterAll(() => file.remove())

  test('tasks survive a restart of the app on the same file', async () => {
    const first = await startTodo(file.path)
    await call(first.url, 'POST', '/tasks', { title: 'persist me' })
    await call(first.url, 'POST', '/tasks', { title: 'and me', completed: true })
    await call(first.url, 'DELETE', '/tasks/1')
    await first.app.close()

    const second = await startTodo(file.path)
    onTestFinished(() => second.app.close())
    expect((await call(second.url, 'GET', '/tasks')).json).toEqual([{ id: 2, title: 'and me', completed: true }])
    // Ids are not reused after a delete, across restarts too.
    expect((await call(second.url, 'POST', '/tasks', { title: 'third' })).json).toEqual({
      id: 3,
      title: 'third',
      completed: false,
    })
  })
})
