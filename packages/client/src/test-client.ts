import type { AnyDependency } from '@typefast/dependency-resolution'
import { makeClient } from './client.js'
import type { Client, HeaderValues } from './client-types.js'
import type { EndpointsOf } from './endpoints-of.js'
import { OverridesUnsupportedError } from './errors.js'
import { type InjectableApp, InjectTransport } from './inject-transport.js'
import type { DependencyOverride } from './override.js'

/** What testClient uses of an app beyond inject: each is optional so a bare inject() works too. */
export interface TestableApp extends InjectableApp {
  /** Run the startup hooks once (the lifespan's start). */
  startup?(): Promise<unknown>
  /** Run the shutdown hooks (the lifespan's end). */
  close?(): Promise<unknown>
  overrideDependency?(original: AnyDependency, replacement: AnyDependency): unknown
  clearDependencyOverrides?(original?: AnyDependency): unknown
}

export interface TestClientOptions {
  /** Sent with every request; a call's own headers win. */
  headers?: HeaderValues
  /** Dependencies to replace while this client is open: `[override(db, fakeDb)]`. */
  overrides?: readonly DependencyOverride[]
}

/** The app argument: the app itself (its type types the client), or any app when typed by an endpoint map. */
type AppArg<T> = T extends TestableApp ? T : TestableApp

/**
 * The typed client over `app.inject`, in-process: no socket, no port. Typed by the app, or in a
 * large app by its endpoint map: `testClient<Api>(app)`. The app's startup hooks run before the
 * first request; `close()` or `await using` runs its shutdown hooks and removes the overrides, as
 * FastAPI's TestClient used as a context manager.
 */
export function testClient<T extends object>(app: AppArg<T>, options: TestClientOptions = {}): Client<EndpointsOf<T>> {
  const overrides = options.overrides ?? []
  if (overrides.length > 0 && !app.overrideDependency) throw new OverridesUnsupportedError()
  for (const { original, replacement } of overrides) app.overrideDependency?.(original, replacement)
  let started: Promise<unknown> | undefined
  const start = async () => {
    started ??= app.startup?.() ?? Promise.resolve()
    await started
  }
  const end = async () => {
    for (const { original } of overrides) app.clearDependencyOverrides?.(original)
    if (started) await app.close?.()
  }
  return makeClient(new InjectTransport(app, start), options.headers, end)
}
