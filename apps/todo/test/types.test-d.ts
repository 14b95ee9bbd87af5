import { type Handler, type HandlerContext, type ResponseData, router, type Static, t } from 'typefast'
import { describe, expectTypeOf, test } from 'vitest'
import type { TodoApp } from '../src/app.js'
import type { TaskRepository } from '../src/db.js'
import { type pagination, type Task, type TaskIn, type TaskPatch, tasksRouter } from '../src/tasks.js'
import type { UserRecord } from '../src/users.js'

type Routes = NonNullable<TodoApp['~routes']>
type RouteAt<M extends string, P extends string> = Extract<Routes, { method: M; path: P }>
type Context<R> = R extends { path: infer P extends string; spec: infer S } ? HandlerContext<P, S> : never
type Output<R> = R extends { spec: infer S } ? ResponseData<S> : never

type TaskData = { id: number; title: string; completed: boolean }

describe('the app type carries every route, with its full path', () => {
  test('six operations on /tasks and /tasks/{task_id}, and the user routes', () => {
    expectTypeOf<Routes['method'] | Routes['path']>().toEqualTypeOf<
      'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE' | '/tasks' | '/tasks/{task_id}' | '/users' | '/token' | '/users/me'
    >()
    expectTypeOf<Context<RouteAt<'GET', '/tasks'>>['deps']['user']>().toEqualTypeOf<UserRecord>()
    expectTypeOf<Output<RouteAt<'POST', '/token'>>>().toEqualTypeOf<{
      access_token: string
      token_type: 'bearer'
      expires_in: number
      scope: string
    }>()
    expectTypeOf<RouteAt<'GET', '/tasks/{task_id}'>>().not.toBeNever()
    expectTypeOf<RouteAt<'DELETE', '/tasks/{task_id}'>>().not.toBeNever()
  })

  test('handler inputs are inferred from the schemas and dependencies', () => {
    expectTypeOf<Context<RouteAt<'GET', '/tasks/{task_id}'>>['params']>().toEqualTypeOf<{ task_id: number }>()
    expectTypeOf<Context<RouteAt<'POST', '/tasks'>>['body']>().toEqualTypeOf<{ title: string; completed: boolean }>()
    expectTypeOf<Context<RouteAt<'PATCH', '/tasks/{task_id}'>>['body']>().toEqualTypeOf<{
      title?: string
      completed?: boolean
    }>()
    expectTypeOf<Context<RouteAt<'GET', '/tasks'>>['deps']['page']>().toEqualTypeOf<{ skip: number; limit: number }>()
    expectTypeOf<Context<RouteAt<'GET', '/tasks'>>['deps']['tasks']>().toEqualTypeOf<TaskRepository>()
  })

  test('outputs are the response schemas', () => {
    expectTypeOf<Output<RouteAt<'GET', '/tasks/{task_id}'>>>().toEqualTypeOf<TaskData>()
    expectTypeOf<Output<RouteAt<'GET', '/tasks'>>>().toEqualTypeOf<TaskData[]>()
    expectTypeOf<Static<typeof Task>>().toEqualTypeOf<TaskData>()
    expectTypeOf<Static<typeof TaskPatch>>().toEqualTypeOf<{ title?: string; completed?: boolean }>()
  })
})

describe('what must not compile', () => {
  test('a handler returning the wrong shape, undeclared inputs, wrong field types', () => {
    type ReadTask = Handler<'/tasks/{task_id}', { params: typeof TaskPathLike; response: typeof Task }>
    const TaskPathLike = t.Object({ task_id: t.Integer() })

    // @ts-expect-error completed must be a boolean
    const wrongShape: ReadTask = ({ params }) => ({ id: params.task_id, title: 'x', completed: 'no' })

    const readsUndeclared: ReadTask = ({ params, query }) => {
      // @ts-expect-error no query schema was declared for this route
      query.verbose
      // @ts-expect-error task_id is a number, not a string
      const id: string = params.task_id
      return { id: Number(id), title: 'x', completed: false }
    }

    const create: Handler<'/tasks', { body: typeof TaskIn; deps: { page: typeof pagination } }> = ({ body, deps }) => {
      // @ts-expect-error title is a string
      const n: number = body.title
      // @ts-expect-error pagination gives skip and limit only
      deps.page.offset
      return n
    }
    expectTypeOf(wrongShape).toBeFunction()
    expectTypeOf(readsUndeclared).toBeFunction()
    expectTypeOf(create).toBeFunction()
  })

  test('tasksRouter needs a repository and who may read and write', () => {
    // @ts-expect-error a repository is required
    tasksRouter()
    expectTypeOf(router).toBeFunction()
  })
})
