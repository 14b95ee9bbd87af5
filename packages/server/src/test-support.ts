// Helpers shared by the server's socket-level tests.
import { onTestFinished } from 'vitest'
import type { App } from './app/app.js'
import type { Logger } from './logging/logger.js'
import type { Listening, ListenOptions } from './transport/http-server.js'

/** Close `app` (its server, lifespan and WebSockets) when the current test finishes. */
export function closeAfterTest<A extends App<any>>(app: A): A {
  onTestFinished(() => app.close())
  return app
}

/** Serve `app` on a free loopback port for the current test. */
export function listenForTest(app: App<any>, options?: ListenOptions): Promise<Listening> {
  return closeAfterTest(app).listen({ port: 0, ...options })
}

/** A logger that prints nothing and keeps what was logged at error level, for assertions. */
export function quietLogger<Details = unknown>(): Logger & { errors: Details[] } {
  const errors: Details[] = []
  return { errors, error: (details) => errors.push(details as Details), warn: () => {}, info: () => {} }
}
