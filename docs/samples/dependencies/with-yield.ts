import { createApp, dependency, HTTPException, t } from 'typefast'

/** A stand-in for a database session: what matters is when it opens and closes. */
export const sessionLog: string[] = []

const session = dependency(async function* openSession() {
  sessionLog.push('open')
  try {
    yield { find: (id: number) => (id === 1 ? { id, name: 'Plumbus' } : undefined) }
  } catch (error) {
    // The handler's (or a later dependency's) exception is thrown in here: roll back, log, ...
    sessionLog.push(`rollback after ${(error as Error).message}`)
    throw error
  } finally {
    // Runs after the response has been sent.
    sessionLog.push('close')
  }
})

export const app = createApp().get(
  '/items/{item_id}',
  { params: t.Object({ item_id: t.Integer() }), deps: { session } },
  function readItem({ params, deps }) {
    const item = deps.session.find(params.item_id)
    if (item === undefined) throw new HTTPException(404, 'Item not found')
    return item
  },
)
