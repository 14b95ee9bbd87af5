import { createTodoApp } from './app.js'
import { openDatabase } from './sqlite-file.js'

const port = Number(process.env.PORT ?? 8000)
const host = process.env.HOST ?? '127.0.0.1'
const dbPath = process.env.TODO_DB ?? './todo.db'

const app = createTodoApp({ database: openDatabase(dbPath) })
const { url } = await app.listen({ port, host })
console.log(`Todo API on ${url}  docs: ${url}/docs`)

let closing = false
function shutdown(signal: NodeJS.Signals): void {
  if (closing) return
  closing = true
  console.log(`${signal}: closing`)
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
