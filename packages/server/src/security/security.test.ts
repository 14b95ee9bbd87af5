import { validate } from '@readme/openapi-parser'
import { dependency, SecurityScopes, security, securityScopes } from '@typefast/dependency-resolution'
import { get, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { request } from 'undici'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import type { Logger } from '../logging/logger.js'
import { closeAfterTest, listenForTest } from '../test-support.js'
import { apiKeyCookie, apiKeyHeader, apiKeyQuery } from './api-key.js'
import { constantTimeEqual } from './compare.js'
import {
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
  httpBasic,
  httpBearer,
  httpDigest,
} from './http.js'
import { oauth2, oauth2AuthorizationCodeBearer, oauth2PasswordBearer } from './oauth2.js'
import { openIdConnect } from './open-id-connect.js'

const silent: Logger = { error: () => {}, warn: () => {}, info: () => {} }
const notAuthenticated = { detail: 'Not authenticated' }
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('oauth2PasswordBearer', () => {
  const scheme = oauth2PasswordBearer({ tokenUrl: 'token' })
  const optional = oauth2PasswordBearer({ tokenUrl: 'token', autoError: false })
  const app = createApp({ logger: silent })
    .get('/items', { deps: { token: scheme } }, ({ deps }) => ({ token: deps.token }))
    .get('/maybe', { deps: { token: optional } }, ({ deps }) => ({ token: deps.token ?? null }))

  test('answers 401 with WWW-Authenticate: Bearer when the token is missing or not a bearer token', async () => {
    for (const authorization of [undefined, '', 'Basic abc', 'Other token']) {
      const response = await app.inject({
        url: '/items',
        headers: authorization === undefined ? {} : { authorization },
      })
      expect(response.status, String(authorization)).toBe(401)
      expect(response.json()).toEqual(notAuthenticated)
      expect(response.headers['www-authenticate']).toBe('Bearer')
    }
  })

  test('`Bearer` without a token yields an empty token, as FastAPI 0.142.2 answers', async () => {
    const response = await app.inject({ url: '/items', headers: { authorization: 'Bearer' } })
    expect(response.status).toBe(200)
    expect(response.body).toBe('{"token":""}')
  })

  test('yields the token, whatever the case of the scheme', async () => {
    for (const authorization of ['Bearer abc.def', 'bearer abc.def', 'BEARER abc.def']) {
      const response = await app.inject({ url: '/items', headers: { authorization } })
      expect(response.status).toBe(200)
      expect(response.json()).toEqual({ token: 'abc.def' })
    }
  })

  test('yields undefined with autoError: false', async () => {
    expect((await app.inject({ url: '/maybe' })).json()).toEqual({ token: null })
    expect((await app.inject({ url: '/maybe', headers: { authorization: 'Basic x' } })).json()).toEqual({ token: null })
    expect((await app.inject({ url: '/maybe', headers: { authorization: 'Bearer t' } })).json()).toEqual({ token: 't' })
  })

  test('is typed string, or string | undefined with autoError: false', () => {
    expectTypeOf(scheme['~value']).toEqualTypeOf<string | undefined>()
    expectTypeOf<NonNullable<(typeof scheme)['~value']>>().toEqualTypeOf<string>()
    expectTypeOf<(typeof optional)['~value']>().toEqualTypeOf<string | undefined>()
    const flag: boolean = Math.random() > 2
    const either = oauth2PasswordBearer({ tokenUrl: 'token', autoError: flag })
    expectTypeOf<NonNullable<(typeof either)['~value']>>().toEqualTypeOf<string>()
    expectTypeOf<(typeof either)['~value']>().toEqualTypeOf<string | undefined>()
  })

  test('is typed in the handler: string, or string | undefined', () => {
    createApp()
      .get('/a', { deps: { token: scheme } }, ({ deps }) => {
        expectTypeOf(deps.token).toEqualTypeOf<string>()
        return {}
      })
      .get('/b', { deps: { token: optional } }, ({ deps }) => {
        expectTypeOf(deps.token).toEqualTypeOf<string | undefined>()
        return {}
      })
  })
})

describe('httpBasic', () => {
  const app = createApp({ logger: silent })
    .get('/realm', { deps: { credentials: httpBasic({ realm: 'simple' }) } }, ({ deps }) => deps.credentials)
    .get('/plain', { deps: { credentials: httpBasic() } }, ({ deps }) => deps.credentials)
    .get('/maybe', { deps: { credentials: httpBasic({ autoError: false }) } }, ({ deps }) => ({
      credentials: deps.credentials ?? null,
    }))

  test('yields the user name and password, whatever the case of the scheme', async () => {
    const response = await app.inject({ url: '/realm', headers: { authorization: basic('john', 'sec:ret') } })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ username: 'john', password: 'sec:ret' })
    const lower = await app.inject({ url: '/plain', headers: { authorization: 'basic dTpw' } })
    expect(lower.body).toBe('{"username":"u","password":"p"}')
  })

  test('answers 401 with the realm in the challenge when credentials are missing or malformed', async () => {
    const headers: Record<string, string>[] = [
      {},
      { authorization: 'Bearer token' },
      { authorization: 'Basic' },
      { authorization: 'Basic not-base64!' },
      { authorization: `Basic ${Buffer.from('no colon').toString('base64')}` },
      { authorization: `Basic ${Buffer.from([0xff, 0xfe, 0x3a]).toString('base64')}` },
      // FastAPI 0.142.2 decodes the credentials as ASCII: UTF-8 or Latin-1 names answer 401.
      { authorization: basic('jö', 'pä') },
      { authorization: `Basic ${Buffer.from('j\xf6:p', 'latin1').toString('base64')}` },
      // Unpadded base64 fails Python's b64decode too.
      { authorization: 'Basic dTpwdw' },
    ]
    for (const h of headers) {
      const response = await app.inject({ url: '/realm', headers: h })
      expect(response.status, JSON.stringify(h)).toBe(401)
      expect(response.json()).toEqual(notAuthenticated)
      expect(response.headers['www-authenticate']).toBe('Basic realm="simple"')
    }
    const plain = await app.inject({ url: '/plain' })
    expect(plain.status).toBe(401)
    expect(plain.headers['www-authenticate']).toBe('Basic')
  })

  test('yields undefined with autoError: false when absent, but still refuses a malformed header', async () => {
    expect((await app.inject({ url: '/maybe' })).json()).toEqual({ credentials: null })
    expect((await app.inject({ url: '/maybe', headers: { authorization: 'Basic %%%' } })).status).toBe(401)
  })

  test('rejects a realm that would break the header', () => {
    expect(() => httpBasic({ realm: 'a"b' })).toThrow(/realm/)
  })

  test('is typed', () => {
    const scheme = httpBasic()
    expectTypeOf<NonNullable<(typeof scheme)['~value']>>().toEqualTypeOf<HTTPBasicCredentials>()
  })
})

describe('httpBearer and httpDigest', () => {
  const app = createApp({ logger: silent })
    .get('/bearer', { deps: { c: httpBearer({ bearerFormat: 'JWT' }) } }, ({ deps }) => deps.c)
    .get('/digest', { deps: { c: httpDigest() } }, ({ deps }) => deps.c)
    // One app documents one scheme per name (checked by ready()): the optional bearer gets its own.
    .get('/maybe', { deps: { c: httpBearer({ autoError: false, schemeName: 'OptionalBearer' }) } }, ({ deps }) => ({
      c: deps.c ?? null,
    }))

  test('yield the scheme and the credentials', async () => {
    expect((await app.inject({ url: '/bearer', headers: { authorization: 'Bearer abc' } })).json()).toEqual({
      scheme: 'Bearer',
      credentials: 'abc',
    })
    const digest = 'Digest username="a", realm="r", nonce="n", uri="/", response="x"'
    expect((await app.inject({ url: '/digest', headers: { authorization: digest } })).json()).toEqual({
      scheme: 'Digest',
      credentials: 'username="a", realm="r", nonce="n", uri="/", response="x"',
    })
  })

  test('answer 401 with their own challenge', async () => {
    for (const [url, challenge] of [
      ['/bearer', 'Bearer'],
      ['/digest', 'Digest'],
    ] as const) {
      for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }] as Record<
        string,
        string
      >[]) {
        if (url === '/digest' && headers.authorization === 'Bearer') continue
        const response = await app.inject({ url, headers })
        expect(response.status).toBe(401)
        expect(response.json()).toEqual(notAuthenticated)
        expect(response.headers['www-authenticate']).toBe(challenge)
      }
    }
    expect((await app.inject({ url: '/maybe', headers: { authorization: 'Basic abc' } })).json()).toEqual({ c: null })
  })

  test('are typed', () => {
    const scheme = httpBearer()
    expectTypeOf<NonNullable<(typeof scheme)['~value']>>().toEqualTypeOf<HTTPAuthorizationCredentials>()
  })
})

describe('API keys', () => {
  const app = createApp({ logger: silent })
    .get('/header', { deps: { key: apiKeyHeader({ name: 'X-API-Key' }) } }, ({ deps }) => ({ key: deps.key }))
    .get('/query', { deps: { key: apiKeyQuery({ name: 'api_key' }) } }, ({ deps }) => ({ key: deps.key }))
    .get('/cookie', { deps: { key: apiKeyCookie({ name: 'session' }) } }, ({ deps }) => ({ key: deps.key }))
    .get(
      '/maybe',
      { deps: { key: apiKeyHeader({ name: 'x-key', autoError: false, schemeName: 'OptionalKey' }) } },
      ({ deps }) => ({
        key: deps.key ?? null,
      }),
    )

  test('yield the key from a header, a query parameter or a cookie', async () => {
    expect((await app.inject({ url: '/header', headers: { 'x-api-key': 'k1' } })).json()).toEqual({ key: 'k1' })
    expect((await app.inject({ url: '/query?api_key=k%202&other=1' })).json()).toEqual({ key: 'k 2' })
    expect((await app.inject({ url: '/cookie', headers: { cookie: 'a=1; session=k3' } })).json()).toEqual({ key: 'k3' })
  })

  test('answer 401 with WWW-Authenticate: APIKey when the key is missing or empty', async () => {
    const cases: { url: string; headers?: Record<string, string> }[] = [
      { url: '/header' },
      { url: '/header', headers: { 'x-api-key': '' } },
      { url: '/query?other=1' },
      { url: '/query?api_key=' },
      { url: '/cookie', headers: { cookie: 'other=1' } },
      { url: '/cookie' },
    ]
    for (const options of cases) {
      const response = await app.inject(options)
      expect(response.status, options.url).toBe(401)
      expect(response.json()).toEqual(notAuthenticated)
      expect(response.headers['www-authenticate']).toBe('APIKey')
    }
    expect((await app.inject({ url: '/maybe' })).json()).toEqual({ key: null })
  })
})

describe('openIdConnect and oauth2', () => {
  const app = createApp({ logger: silent })
    .get(
      '/oidc',
      { deps: { h: openIdConnect({ url: 'https://id.example/.well-known/openid-configuration' }) } },
      ({ deps }) => ({
        h: deps.h,
      }),
    )
    .get(
      '/code',
      { deps: { token: oauth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token' }) } },
      ({ deps }) => ({
        token: deps.token,
      }),
    )

  test('openIdConnect yields the whole Authorization header, or answers 401 Bearer', async () => {
    expect((await app.inject({ url: '/oidc', headers: { authorization: 'Bearer x' } })).json()).toEqual({
      h: 'Bearer x',
    })
    const missing = await app.inject({ url: '/oidc' })
    expect(missing.status).toBe(401)
    expect(missing.headers['www-authenticate']).toBe('Bearer')
  })

  test('oauth2AuthorizationCodeBearer yields the bearer token', async () => {
    expect((await app.inject({ url: '/code', headers: { authorization: 'Bearer x' } })).json()).toEqual({ token: 'x' })
    expect((await app.inject({ url: '/code' })).status).toBe(401)
  })
})

// FastAPI's "OAuth2 scopes" tutorial, in typefast.
const tokens = new Map([
  ['johndoe-token', { username: 'johndoe', scopes: ['me'] }],
  ['alice-token', { username: 'alice', scopes: ['me', 'items'] }],
])
const oauth2Scheme = oauth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
})
const currentUser = dependency({ deps: { securityScopes, token: oauth2Scheme } }, ({ deps }) => {
  const authenticate =
    deps.securityScopes.scopes.length > 0 ? `Bearer scope="${deps.securityScopes.scopeStr}"` : 'Bearer'
  const data = tokens.get(deps.token)
  if (data === undefined) {
    throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': authenticate })
  }
  for (const scope of deps.securityScopes.scopes) {
    if (!data.scopes.includes(scope)) {
      throw new HTTPException(403, 'Not enough permissions', { 'WWW-Authenticate': authenticate })
    }
  }
  return { username: data.username }
})
const currentActiveUser = dependency(
  { deps: { user: security(currentUser, { scopes: ['me'] }) } },
  ({ deps }) => deps.user,
)
const User = t.Object({ username: t.String() }, { $id: 'User' })

function scopesApp() {
  return createApp({ title: 'Scopes', version: '1.0.0', logger: silent }).include(
    router(
      { prefix: '/users' },
      get('/me', { deps: { user: currentActiveUser }, response: User }, function readUsersMe({ deps }) {
        return deps.user
      }),
      get(
        '/me/items',
        { deps: { user: security(currentActiveUser, { scopes: ['items'] }) } },
        function readOwnItems({ deps }) {
          return [{ item_id: 'Foo', owner: deps.user.username }]
        },
      ),
    ),
    router(
      { prefix: '/status' },
      get('/', { deps: { user: currentUser } }, function readSystemStatus() {
        return { status: 'ok' }
      }),
    ),
  )
}

describe("FastAPI's OAuth2 scopes tutorial", () => {
  const app = scopesApp()
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })

  test('a token with the scopes reaches the route', async () => {
    const response = await app.inject({ url: '/users/me/items', headers: auth('alice-token') })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual([{ item_id: 'Foo', owner: 'alice' }])
    expect((await app.inject({ url: '/users/me', headers: auth('johndoe-token') })).json()).toEqual({
      username: 'johndoe',
    })
  })

  test('a missing scope answers 403 naming the scopes required', async () => {
    const response = await app.inject({ url: '/users/me/items', headers: auth('johndoe-token') })
    expect(response.status).toBe(403)
    expect(response.json()).toEqual({ detail: 'Not enough permissions' })
    expect(response.headers['www-authenticate']).toBe('Bearer scope="items me"')
  })

  test('an unknown token answers 401; no token answers 401 Not authenticated', async () => {
    const forged = await app.inject({ url: '/users/me', headers: auth('forged') })
    expect(forged.status).toBe(401)
    expect(forged.headers['www-authenticate']).toBe('Bearer scope="me"')
    expect(forged.body).not.toContain('forged')
    const none = await app.inject({ url: '/status' })
    expect(none.status).toBe(401)
    expect(none.json()).toEqual(notAuthenticated)
    expect(none.headers['www-authenticate']).toBe('Bearer')
  })

  test('the document has the scheme, the scopes of each operation, and no 422 for security-only routes', async () => {
    const document = app.openapi()
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: {
          password: {
            scopes: { me: 'Read information about the current user.', items: 'Read items.' },
            tokenUrl: 'token',
          },
        },
      },
    })
    const me = document.paths['/users/me']?.get
    const items = document.paths['/users/me/items']?.get
    const status = document.paths['/status']?.get
    expect(me?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }])
    expect(items?.security).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }])
    expect(status?.security).toEqual([{ OAuth2PasswordBearer: [] }])
    for (const operation of [me, items, status]) {
      expect(operation?.parameters).toBeUndefined()
      expect(Object.keys(operation?.responses ?? {})).toEqual(['200'])
    }
    const result = await validate(structuredClone(document) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  test('the same flow over a real socket', async () => {
    const { url } = await listenForTest(scopesApp(), { accessLog: false })
    const ok = await request(`${url}/users/me/items`, { headers: auth('alice-token') })
    expect(ok.statusCode).toBe(200)
    expect(await ok.body.json()).toEqual([{ item_id: 'Foo', owner: 'alice' }])
    const forbidden = await request(`${url}/users/me/items`, { headers: auth('johndoe-token') })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.headers['www-authenticate']).toBe('Bearer scope="items me"')
    expect(await forbidden.body.json()).toEqual({ detail: 'Not enough permissions' })
    const missing = await request(`${url}/users/me`)
    expect(missing.statusCode).toBe(401)
    expect(missing.headers['www-authenticate']).toBe('Bearer')
    expect(await missing.body.json()).toEqual(notAuthenticated)
  })
})

describe('security in the OpenAPI document', () => {
  test('each scheme documents itself, with its options, in FastAPI form', () => {
    const app = createApp({ logger: silent }).add(
      get(
        '/all',
        {
          deps: {
            a: oauth2PasswordBearer({ tokenUrl: '/token', refreshUrl: '/refresh', description: 'Password flow' }),
            b: oauth2AuthorizationCodeBearer({
              authorizationUrl: '/authorize',
              tokenUrl: '/token',
              scopes: { x: 'X' },
            }),
            c: httpBasic({ realm: 'r' }),
            d: httpBearer({ bearerFormat: 'JWT' }),
            e: httpDigest(),
            f: apiKeyHeader({ name: 'X-Key' }),
            g: apiKeyQuery({ name: 'key' }),
            h: apiKeyCookie({ name: 'sid', schemeName: 'Session' }),
            i: openIdConnect({ url: 'https://id.example/.well-known/openid-configuration' }),
            j: oauth2({ flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } }),
          },
        },
        function all() {
          return {}
        },
      ),
    )
    const document = app.openapi()
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        description: 'Password flow',
        flows: { password: { refreshUrl: '/refresh', scopes: {}, tokenUrl: '/token' } },
      },
      OAuth2AuthorizationCodeBearer: {
        type: 'oauth2',
        flows: { authorizationCode: { scopes: { x: 'X' }, authorizationUrl: '/authorize', tokenUrl: '/token' } },
      },
      HTTPBasic: { type: 'http', scheme: 'basic' },
      HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      HTTPDigest: { type: 'http', scheme: 'digest' },
      APIKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Key' },
      APIKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
      Session: { type: 'apiKey', in: 'cookie', name: 'sid' },
      OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example/.well-known/openid-configuration' },
      OAuth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } },
    })
    const operation = document.paths['/all']?.get
    expect(operation?.security?.map((s) => Object.keys(s)[0])).toEqual(
      Object.keys(document.components?.securitySchemes ?? {}),
    )
    expect(operation?.parameters).toBeUndefined()
    expect(operation?.responses['422']).toBeUndefined()
  })

  test('router and app level security dependencies document every operation below them', () => {
    const key = apiKeyHeader({ name: 'x-key' })
    const app = createApp({ logger: silent, deps: { key } })
      .include(
        router(
          { prefix: '/admin', deps: { basic: security(httpBasic(), { scopes: ['admin'] }) } },
          get('/', () => ({})),
        ),
      )
      .get('/open', () => ({}))
    const document = app.openapi()
    expect(document.paths['/admin']?.get?.security).toEqual([{ APIKeyHeader: [] }, { HTTPBasic: ['admin'] }])
    expect(document.paths['/open']?.get?.security).toEqual([{ APIKeyHeader: [] }])
    // The docs routes themselves are not in the document, and nothing else changes.
    expect(document.paths['/docs']).toBeUndefined()
  })

  test('a route that is documented keeps its other inputs and their 422', () => {
    const app = createApp({ logger: silent }).get(
      '/items',
      { deps: { token: oauth2PasswordBearer({ tokenUrl: 'token' }) }, query: t.Object({ q: t.String() }) },
      ({ query }) => ({ q: query.q }),
    )
    const operation = app.openapi().paths['/items']?.get
    expect(operation?.parameters?.map((p) => p.name)).toEqual(['q'])
    expect(operation?.responses['422']).toBeDefined()
    expect(operation?.security).toEqual([{ OAuth2PasswordBearer: [] }])
  })

  test('two different schemes under one name are a start-up error naming the fix', () => {
    const app = createApp({ logger: silent }).get(
      '/x',
      { deps: { a: apiKeyHeader({ name: 'a' }), b: apiKeyHeader({ name: 'b' }) } },
      () => ({}),
    )
    expect(() => app.openapi()).toThrow(/two different security schemes are named 'APIKeyHeader'.*schemeName/)
  })
})

describe('secrets stay secret', () => {
  test('constantTimeEqual compares strings and bytes of any length', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true)
    expect(constantTimeEqual('secret', 'secreT')).toBe(false)
    expect(constantTimeEqual('secret', 'secret2')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
    expect(constantTimeEqual(Buffer.from('é'), 'é')).toBe(true)
  })

  test('no password, token or Authorization header reaches the log or an error body', async () => {
    const lines: string[] = []
    const logger: Logger = {
      error: (details, message) => lines.push(JSON.stringify({ details, message }, errorFields)),
      warn: (details, message) => lines.push(JSON.stringify({ details, message }, errorFields)),
      info: (details, message) => lines.push(JSON.stringify({ details, message }, errorFields)),
    }
    const app = createApp({ logger })
      .get('/basic', { deps: { c: httpBasic() } }, () => {
        throw new Error('the handler failed')
      })
      .get('/bearer', { deps: { token: oauth2PasswordBearer({ tokenUrl: 'token' }) } }, () => {
        throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' })
      })
    closeAfterTest(app)
    const { url } = await app.listen({ port: 0, accessLog: true })
    const crashed = await request(`${url}/basic`, { headers: { authorization: basic('john', 'hunter2-password') } })
    const crashedBody = await crashed.body.text()
    expect(crashed.statusCode).toBe(500)
    const refused = await request(`${url}/bearer`, { headers: { authorization: 'Bearer the-secret-token' } })
    const refusedBody = await refused.body.text()
    expect(refused.statusCode).toBe(401)
    await app.close()
    const everything = [...lines, crashedBody, refusedBody].join('\n')
    expect(lines.length).toBeGreaterThan(0)
    expect(everything).not.toContain('hunter2-password')
    expect(everything).not.toContain(Buffer.from('john:hunter2-password').toString('base64'))
    expect(everything).not.toContain('the-secret-token')
  })
})

// Errors serialized with their message and stack, as the default logger writes them.
function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
}

test('SecurityScopes is what the tutorial expects', () => {
  const scopes = new SecurityScopes(['a', 'b'])
  expect(scopes.scopes).toEqual(['a', 'b'])
  expect(scopes.scopeStr).toBe('a b')
  expect(Object.isFrozen(scopes)).toBe(true)
})
