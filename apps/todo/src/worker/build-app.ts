// The app the Worker's Durable Object serves (worker.ts), as `typefast build` sees it on Node: the
// same createTodoApp, so the build's fingerprint is the Worker's, on a database in memory that
// the build only opens.
import { createTodoApp } from '../app.js'
import { openDatabase } from '../sqlite-file.js'

export const app = createTodoApp({ database: openDatabase(':memory:') })
