// The todo app as a Cloudflare Workers module. A Worker's one durable SQLite is a Durable
// Object's, so the app runs inside that object, on its storage: the Worker hands every request to
// the one object, as every request on a server reaches the one SQLite file.
import { useCompiledBuild } from 'typefast'
import { createTodoApp, type TodoApp } from '../app.js'
import { durableObjectDatabase, type SqlStorage } from '../sqlite-durable-object.js'
import build from './build/typefast-build.mjs'

// Workers forbid generating code at run time: the app compiles from its build, made on Node by
// `typefast build src/worker/build-app.ts --out src/worker/build` (`pnpm build:worker`).
useCompiledBuild(build)

/** The Worker's bindings (wrangler.jsonc). */
interface Env {
  TODO: {
    idFromName(name: string): unknown
    get(id: unknown): { fetch(request: Request): Promise<Response> }
  }
  /** The key access tokens are signed with, at least 32 bytes: a secret (`wrangler secret put TODO_JWT_SECRET`). */
  TODO_JWT_SECRET?: string
}

/** The Durable Object that holds the todo database and serves the app on it. */
export class TodoDatabase {
  readonly #app: TodoApp

  constructor(state: { storage: { sql: SqlStorage } }, env: Env) {
    this.#app = createTodoApp({ database: durableObjectDatabase(state.storage.sql), jwtSecret: env.TODO_JWT_SECRET })
  }

  fetch(request: Request): Promise<Response> {
    return this.#app.fetch(request)
  }
}

export default {
  fetch: (request: Request, env: Env): Promise<Response> => env.TODO.get(env.TODO.idFromName('todo')).fetch(request),
}
