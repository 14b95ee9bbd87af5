import type { DepsSpec } from '@typefast/dependency-resolution'
import type { OpenAPIInfo, TagInfo } from '@typefast/openapi'
import type { AnyRoute, AnyRouter } from '@typefast/router'
import type { DocsOptions } from '../docs/docs-routes.js'
import type { FormLimits } from '../forms/form-limits.js'
import type { Logger, LogLevel } from '../logging/logger.js'
import type { ServerLimits } from '../transport/http-server.js'
import type { Lifespan, LifespanFunction } from './lifespan.js'

export interface AppOptions extends Partial<OpenAPIInfo>, Partial<DocsOptions>, ServerLimits {
  servers?: { url: string; description?: string }[]
  /** Tag metadata for the OpenAPI document, in display order. */
  openapiTags?: TagInfo[]
  /**
   * Requests the API sends to other apps (FastAPI's `app.webhooks`), declared as routes and
   * documented under `webhooks`, not served: `post('/new-subscription', { body }, function newSubscription() {})`
   * is the webhook `new-subscription`.
   */
  webhooks?: (AnyRoute | AnyRouter)[]
  /** Dependencies that run for every route of the app; their values are not passed to handlers. */
  deps?: DepsSpec
  /** Largest accepted request body in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number
  /** Limits on form bodies: file size and count, field size and count, when files spill to disk. */
  formLimits?: FormLimits
  /**
   * Set-up before the first request, `yield` the app's state, tear-down on close. Pass a
   * `lifespan(...)` value to read the state typed in handlers (`deps: { app: life.state }`).
   */
  lifespan?: Lifespan<any> | LifespanFunction<any>
  /** Deepest nesting of arrays and objects accepted in a JSON body (422 json_invalid beyond). Default 200. */
  maxJsonDepth?: number
  /**
   * Read JSON bodies strictly, as pydantic's strict mode (no `"3"` for a number). Default false:
   * lax, as FastAPI. Routers and routes may set their own.
   */
  strict?: boolean
  /** One log line per request when the app listens. Default true; `app.listen({ accessLog })` overrides. */
  accessLog?: boolean
  /** pino by default (JSON lines on stdout, credentials redacted); any pino-compatible logger fits. */
  logger?: Logger
  /** Level of the default logger. Default: LOG_LEVEL, else 'info'. */
  logLevel?: LogLevel
}
