import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { createTodoApp, type TodoApp } from '../src/app.js'

/** A fresh directory for a test's SQLite file; remove() deletes it. */
export function tempDb(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'typefast-todo-'))
  return { path: join(dir, 'todo.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The todo app listening on a free port of 127.0.0.1, on the SQLite file at `dbPath`. */
export async function startTodo(dbPath: string): Promise<{ app: TodoApp; url: string }> {
  const app = createTodoApp({ dbPath })
  const { url } = await app.listen({ port: 0 })
  return { app, url }
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: any
}

/** One real HTTP request with undici; a `json` value is sent as an application/json body. */
export async function call(base: string, method: string, path: string, json?: unknown): Promise<Answer> {
  const res = await request(`${base}${path}`, {
    method: method as 'GET',
    ...(json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
  })
  const text = await res.body.text()
  const isJson = String(res.headers['content-type']).startsWith('application/json')
  return { status: res.statusCode, headers: res.headers, text, json: isJson ? JSON.parse(text) : undefined }
}
