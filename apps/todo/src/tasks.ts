import { type Dependency, del, dependency, get, HTTPException, patch, post, put, router, t } from 'typefast'
import type { TaskRepository } from './db.js'
import type { UserRecord } from './users.js'

const Title = t.String({ minLength: 1, maxLength: 200 })

export const Task = t.Object({ id: t.Integer(), title: Title, completed: t.Boolean() }, { $id: 'Task' })

/** What POST creates and PUT replaces with: `completed` may be left out (false). */
export const TaskIn = t.Object({ title: Title, completed: t.Boolean({ default: false }) }, { $id: 'TaskIn' })

/** PATCH: only the fields that are sent change. */
export const TaskPatch = t.Object(
  { title: t.Optional(Title), completed: t.Optional(t.Boolean()) },
  { $id: 'TaskPatch' },
)

const TaskPath = t.Object({ task_id: t.Integer() })

/** `?skip=&limit=` for every list: its query inputs merge into the routes that use it. */
export const pagination = dependency(
  {
    query: t.Object({
      skip: t.Integer({ minimum: 0, default: 0 }),
      limit: t.Integer({ minimum: 1, maximum: 100, default: 10 }),
    }),
  },
  ({ query }) => ({ skip: query.skip, limit: query.limit }),
)

const notFound = () => new HTTPException(404, 'Task not found')

/** Who may read and who may change tasks: the signed-in user, checked for `tasks:read` / `tasks:write`. */
export interface TaskAccess {
  reader: Dependency<UserRecord, any>
  writer: Dependency<UserRecord, any>
}

/**
 * The /tasks routes, reading and writing through `repository` (opened once, at start-up). Each
 * user sees only their own tasks: another user's task is 404, as if it did not exist.
 */
export function tasksRouter(repository: TaskRepository, { reader, writer }: TaskAccess) {
  const tasks = dependency(() => repository, { name: 'tasks' })

  return router(
    { prefix: '/tasks', tags: ['tasks'] },
    post(
      '/',
      { body: TaskIn, status: 201, response: Task, deps: { tasks, user: writer } },
      function createTask({ body, deps }) {
        return deps.tasks.create(deps.user.id, body)
      },
    ),
    get(
      '/',
      { deps: { page: pagination, tasks, user: reader }, response: t.Array(Task) },
      function listTasks({ deps }) {
        return deps.tasks.list(deps.user.id, deps.page.skip, deps.page.limit)
      },
    ),
    get(
      '/{task_id}',
      { params: TaskPath, response: Task, deps: { tasks, user: reader } },
      function readTask({ params, deps }) {
        const task = deps.tasks.get(deps.user.id, params.task_id)
        if (!task) throw notFound()
        return task
      },
    ),
    put(
      '/{task_id}',
      { params: TaskPath, body: TaskIn, response: Task, deps: { tasks, user: writer } },
      function replaceTask({ params, body, deps }) {
        return deps.tasks.replace(deps.user.id, params.task_id, body) ?? throwNotFound()
      },
    ),
    patch(
      '/{task_id}',
      { params: TaskPath, body: TaskPatch, response: Task, deps: { tasks, user: writer } },
      function updateTask({ params, body, deps }) {
        return deps.tasks.update(deps.user.id, params.task_id, body) ?? throwNotFound()
      },
    ),
    del(
      '/{task_id}',
      { params: TaskPath, status: 204, deps: { tasks, user: writer } },
      function deleteTask({ params, deps }) {
        if (!deps.tasks.delete(deps.user.id, params.task_id)) throw notFound()
      },
    ),
  )
}

function throwNotFound(): never {
  throw notFound()
}
