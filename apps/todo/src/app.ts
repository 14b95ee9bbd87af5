import { createApp } from 'typefast'
import { openTaskRepository } from './db.js'
import { tasksRouter } from './tasks.js'

export interface TodoAppOptions {
  /** The SQLite file; created with its table when missing. */
  dbPath: string
}

/** The todo API on the SQLite file at `dbPath`. The file is opened now and closed by `app.close()`. */
export function createTodoApp({ dbPath }: TodoAppOptions) {
  const repository = openTaskRepository(dbPath)
  return createApp({
    title: 'Todo API',
    version: '1.0.0',
    description: 'Tasks with a title and a completed flag, stored in an embedded SQLite file.',
    openapiTags: [{ name: 'tasks', description: 'Create, list, read, replace, update and delete tasks.' }],
  })
    .include(tasksRouter(repository))
    .onShutdown(() => repository.close())
}

export type TodoApp = ReturnType<typeof createTodoApp>
