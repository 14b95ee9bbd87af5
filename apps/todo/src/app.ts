import { randomBytes } from 'node:crypto'
import { createApp } from 'typefast'
import { authentication } from './auth.js'
import { TaskRepository } from './db.js'
import type { SqliteDatabase } from './sqlite.js'
import { tasksRouter } from './tasks.js'
import { UserRepository } from './users.js'

export interface TodoAppOptions {
  /**
   * The open SQLite database, where the tables are created when missing: a file's
   * (`openDatabase(path)` of sqlite-file.ts) or a Durable Object's (sqlite-durable-object.ts).
   */
  database: SqliteDatabase
  /**
   * The key access tokens are signed with (HS256), at least 32 bytes. Default: TODO_JWT_SECRET,
   * else random bytes made at start-up (tokens then end with the process).
   */
  jwtSecret?: string | Uint8Array
  /** How long an access token is valid, in seconds. Default 1800. */
  tokenTtlSeconds?: number
}

/** The todo API on `database`, which `app.close()` closes. */
export function createTodoApp({ database, jwtSecret, tokenTtlSeconds = 1800 }: TodoAppOptions) {
  const repository = new TaskRepository(database)
  const users = new UserRepository(database)
  const secret = jwtSecret ?? process.env.TODO_JWT_SECRET ?? randomBytes(32)
  const auth = authentication(users, {
    secret: typeof secret === 'string' ? new TextEncoder().encode(secret) : secret,
    tokenTtlSeconds,
  })
  return createApp({
    title: 'Todo API',
    version: '1.0.0',
    description: 'Tasks with a title and a completed flag, stored in an embedded SQLite database.',
    openapiTags: [
      { name: 'tasks', description: 'Create, list, read, replace, update and delete your tasks.' },
      { name: 'users', description: 'Sign up, and get an access token with the OAuth2 password flow.' },
    ],
  })
    .include(tasksRouter(repository, auth), auth.routes)
    .onShutdown(() => database.close())
}

export type TodoApp = ReturnType<typeof createTodoApp>
