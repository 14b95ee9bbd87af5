import { TypefastError } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { createApp } from './app/app.js'
import { lifespan } from './app/lifespan.js'
import * as errors from './errors.js'
import { resolveLogLevel } from './logging/logger.js'
import { apiKeyHeader } from './security/api-key.js'
import { httpBasic } from './security/http.js'
import { staticFiles } from './static/static-files.js'
import { resolveLimits } from './transport/http-server.js'

/** What `fn` threw, for checking its class, code and message. */
function thrownBy(fn: () => unknown): TypefastError {
  try {
    fn()
  } catch (error) {
    return error as TypefastError
  }
  throw new Error('nothing was thrown')
}

async function rejectionOf(promise: Promise<unknown>): Promise<TypefastError> {
  try {
    await promise
  } catch (error) {
    return error as TypefastError
  }
  throw new Error('nothing was thrown')
}

// Each start-up error of the server, caused as a user would cause it: its class, its code, and a
// message that names where and how to fix it.
const cases: [string, new (...args: any[]) => TypefastError, string, () => TypefastError, RegExp][] = [
  [
    'app locked',
    errors.AppLockedError,
    'TF_APP_LOCKED',
    () =>
      thrownBy(() =>
        createApp()
          .ready()
          .get('/x', () => 1),
      ),
    /app\.get\('\/x'\).*before the app starts/,
  ],
  [
    'not a route',
    errors.NotARouteError,
    'TF_NOT_A_ROUTE',
    () => thrownBy(() => createApp().add({} as never)),
    /app\.add: expected a route or a router, got object; make routes with get/,
  ],
  [
    'middleware not a function',
    errors.MiddlewareNotFunctionError,
    'TF_MIDDLEWARE_NOT_FUNCTION',
    () => thrownBy(() => createApp().use('cors' as never)),
    /got string; write it as async \(request, next\)/,
  ],
  [
    'websocket handler',
    errors.WebSocketHandlerError,
    'TF_WEBSOCKET_HANDLER',
    () => thrownBy(() => createApp().websocket('/ws', {}, undefined as never)),
    /app\.websocket\('\/ws'\).*pass it last/,
  ],
  [
    'mount prefix',
    errors.MountPrefixError,
    'TF_MOUNT_PREFIX',
    () => thrownBy(() => createApp().mount('v2/', createApp())),
    /app\.mount\('v2\/'\).*e\.g\. '\/v2'/,
  ],
  [
    'static files directory',
    errors.StaticFilesDirectoryError,
    'TF_STATIC_FILES_DIRECTORY',
    () => thrownBy(() => staticFiles('/static', 'no-such-folder-here')),
    /staticFiles\('\/static', 'no-such-folder-here'\): \S+no-such-folder-here cannot be read \(ENOENT\); pass a folder/,
  ],
  [
    'mount self',
    errors.MountSelfError,
    'TF_MOUNT_SELF',
    () => {
      const app = createApp()
      return thrownBy(() => app.mount('/me', app))
    },
    /cannot mount itself; mount a second app/,
  ],
  [
    'body and form',
    errors.BodyAndFormError,
    'TF_BODY_AND_FORM',
    () =>
      thrownBy(() =>
        createApp()
          .post('/f', { body: t.Object({ a: t.String() }), form: t.Object({ b: t.String() }) }, () => 1)
          .ready(),
      ),
    /POST \/f: .*not both; keep one/,
  ],
  [
    'security scheme clash',
    errors.SecuritySchemeClashError,
    'TF_SECURITY_SCHEME_CLASH',
    () =>
      thrownBy(() =>
        createApp()
          .get('/k', { deps: { a: apiKeyHeader({ name: 'a' }), b: apiKeyHeader({ name: 'b' }) } }, () => 1)
          .ready(),
      ),
    /GET \/k: .*named 'APIKeyHeader'; give one of them another schemeName/,
  ],
  [
    'invalid limit',
    errors.InvalidLimitError,
    'TF_INVALID_LIMIT',
    () => thrownBy(() => resolveLimits({ requestTimeout: -1 })),
    /requestTimeout must be a number >= 0, got -1; fix it in createApp/,
  ],
  [
    'unknown log level',
    errors.UnknownLogLevelError,
    'TF_UNKNOWN_LOG_LEVEL',
    () => thrownBy(() => resolveLogLevel('loud', {})),
    /'loud' \(from logLevel\); use one of/,
  ],
  [
    'lifespan function',
    errors.LifespanFunctionError,
    'TF_LIFESPAN_FUNCTION',
    () => thrownBy(() => lifespan('no' as never)),
    /async generator function: lifespan\(async function\*/,
  ],
  [
    'security option',
    errors.SecurityOptionError,
    'TF_SECURITY_OPTION',
    () => thrownBy(() => httpBasic({ realm: 'a"b' })),
    /realm cannot hold a quote.*pick a plain name/,
  ],
]

describe('the server’s start-up errors', () => {
  test.each(cases)('%s', (_name, errorClass, code, cause, message) => {
    const error = cause()
    expect(error).toBeInstanceOf(errorClass)
    expect(error).toBeInstanceOf(TypefastError)
    expect(error.code).toBe(code)
    expect(error.name).toBe(errorClass.name)
    expect(error.message).toMatch(message)
  })

  test('a lifespan that never yields, or yields twice', async () => {
    const never = createApp({ lifespan: async function* () {} })
    const error = await rejectionOf(never.startup())
    expect(error).toBeInstanceOf(errors.LifespanYieldError)
    expect(error.code).toBe('TF_LIFESPAN_YIELD')
    expect(error.message).toMatch(/must yield once.*add a `yield`/)
    const twice = createApp({
      lifespan: async function* () {
        yield 1
        yield 2
      },
    })
    await twice.startup()
    const second = await rejectionOf(twice.close())
    expect(second.message).toMatch(/yield only once; keep one `yield`/)
  })

  test('an API key scheme without a name', () => {
    const error = thrownBy(() => apiKeyHeader({ name: '' }))
    expect(error.code).toBe('TF_SECURITY_OPTION')
    expect(error.message).toMatch(/APIKeyHeader\(\{ name \}\).*name to read the key from/)
  })

  test('every class of errors.ts is covered above', () => {
    // FetchWebSocketError rejects app.fetch (asynchronously): transport/fetch/fetch.test.ts causes it.
    const covered = new Set([
      ...cases.map(([, errorClass]) => errorClass),
      errors.LifespanYieldError,
      errors.FetchWebSocketError,
    ])
    for (const exported of Object.values(errors)) expect(covered.has(exported as never), exported.name).toBe(true)
  })
})
