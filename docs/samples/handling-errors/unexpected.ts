import { createApp, type Logger } from 'typefast'

// Unexpected errors are logged (here, into an array) and answered with a bare 500.
export const logged: { message: string; details: object }[] = []
const logger: Logger = {
  error: (details, message) => logged.push({ message, details }),
  warn: () => {},
  info: () => {},
}

export const app = createApp({ logger }).get('/boom', function boom(): { ok: boolean } {
  throw new Error('database password is hunter2')
})
