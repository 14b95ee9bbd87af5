import { dependency } from '@typefast/dependency-resolution'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { InvalidRouteError, PathParamWithoutSchemaError } from './errors.js'
import { flatten, flattenRoutes } from './flatten.js'
import { get } from './route.js'
import { router } from './router.js'
import { websocket } from './websocket.js'

const appDep = dependency(() => 'app')
const outerDep = dependency(() => 'outer')
const innerDep = dependency(() => 'inner')

describe('websocket()', () => {
  test('makes a frozen WebSocket route value, with or without a spec', () => {
    const handler = () => undefined
    expect(websocket('/ws', handler)).toEqual({ kind: 'websocket', path: '/ws', spec: {}, handler })
    const spec = { query: t.Object({ token: t.String() }) }
    expect(websocket('/ws', spec, handler).spec).toBe(spec)
    expect(Object.isFrozen(websocket('/ws', handler))).toBe(true)
  })

  test('a missing handler or a path that is not a string throws InvalidRouteError', () => {
    expect(() => websocket('/ws', {} as never)).toThrow(InvalidRouteError)
    expect(() => websocket(1 as never, () => undefined)).toThrow('WEBSOCKET route: the path must be a string')
  })
})

describe('WebSocket routes in routers', () => {
  const handler = () => undefined
  const tree = router(
    { prefix: '/api', deps: { outerDep } },
    get('/health', () => ({})),
    router({ prefix: '/chat', tags: ['chat'], deps: { innerDep } }, websocket('/rooms/{room}', handler)),
  )

  test('flatten gives them the prefixes and the deps above (app first), apart from the HTTP routes', () => {
    const { routes, websockets } = flatten([tree, websocket('/top', handler)], { deps: { appDep } })
    expect(routes.map((route) => route.path)).toEqual(['/api/health'])
    expect(websockets).toEqual([
      { path: '/api/chat/rooms/{room}', spec: {}, handler, sharedDeps: [appDep, outerDep, innerDep] },
      { path: '/top', spec: {}, handler, sharedDeps: [appDep] },
    ])
  })

  test('flattenRoutes leaves them out', () => {
    expect(flattenRoutes([tree]).map((route) => route.path)).toEqual(['/api/health'])
  })

  test('a params schema must match the full path, as on an HTTP route', () => {
    const bad = router({ prefix: '/rooms/{room}' }, websocket('/ws', { params: t.Object({}) }, handler))
    expect(() => flatten([bad])).toThrow(PathParamWithoutSchemaError)
    expect(() => flatten([bad])).toThrow("WEBSOCKET /rooms/{room}/ws: path parameter 'room'")
  })
})
