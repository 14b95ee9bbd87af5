import { t } from '@typefast/validation'
import { describe, test } from 'vitest'
import { thrown } from '../../dependency-resolution/src/testing/startup-error.js'
import {
  DuplicateRouteError,
  InvalidPathError,
  InvalidPrefixError,
  InvalidRouteError,
  InvalidRouterChildError,
  PathParamWithoutSchemaError,
  RouteRegistrationError,
  SchemaKeyNotInPathError,
  TrailingSlashClashError,
} from './errors.js'
import { flattenRoutes } from './flatten.js'
import { get } from './route.js'
import { RouteTable } from './route-table.js'
import { router } from './router.js'

describe('router errors: each start-up mistake has its class, code, route and fix', () => {
  test('TF_INVALID_ROUTE', () => {
    thrown(
      () => get(42 as never, () => 1),
      InvalidRouteError,
      'TF_INVALID_ROUTE',
      'GET route',
      "get('/items', handler)",
    )
    thrown(() => get('/x', {}, 'nope' as never), InvalidRouteError, 'TF_INVALID_ROUTE', 'GET /x', 'Pass it last')
  })

  test('TF_INVALID_PATH and TF_INVALID_PREFIX', () => {
    thrown(
      () => flattenRoutes([get('items', () => 1)]),
      InvalidPathError,
      'TF_INVALID_PATH',
      "'items'",
      "Write '/items'",
    )
    const under = router(
      { prefix: 'items' },
      get('/', () => 1),
    )
    thrown(() => flattenRoutes([under]), InvalidPrefixError, 'TF_INVALID_PREFIX', "'items'", "Write '/items'")
  })

  test('TF_INVALID_ROUTER_CHILD', () => {
    thrown(
      () => router({ prefix: '/a' }, (() => 1) as never),
      InvalidRouterChildError,
      'TF_INVALID_ROUTER_CHILD',
      'router(/a)',
      'get(), post()',
    )
  })

  test('TF_PATH_PARAM_WITHOUT_SCHEMA and TF_SCHEMA_KEY_NOT_IN_PATH', () => {
    const missing = get('/items/{id}', { params: t.Object({}) } as never, (() => ({})) as never)
    thrown(
      () => flattenRoutes([missing]),
      PathParamWithoutSchemaError,
      'TF_PATH_PARAM_WITHOUT_SCHEMA',
      'GET /items/{id}',
      "'id'",
      'add it to params',
    )
    const extra = get('/items', { params: t.Object({ id: t.Integer() }) } as never, (() => ({})) as never)
    thrown(
      () => flattenRoutes([extra]),
      SchemaKeyNotInPathError,
      'TF_SCHEMA_KEY_NOT_IN_PATH',
      'GET /items',
      'add {id} to the path',
    )
  })

  test('TF_DUPLICATE_ROUTE, TF_TRAILING_SLASH_CLASH and TF_ROUTE_REGISTRATION', () => {
    const table = new RouteTable<string>()
    table.add('GET', '/items/{id}', 'first')
    thrown(
      () => table.add('GET', '/items/:item_id', 'again'),
      DuplicateRouteError,
      'TF_DUPLICATE_ROUTE',
      'GET /items/:item_id',
      "(as '/items/{id}')",
      'Remove one',
    )
    table.add('GET', '/a//', 'slash')
    thrown(
      () => table.add('GET', '/a', 'plain'),
      TrailingSlashClashError,
      'TF_TRAILING_SLASH_CLASH',
      'GET /a',
      'GET /a//',
      'Remove one',
    )
    thrown(
      () => table.add('get', '/x', 'lower'),
      RouteRegistrationError,
      'TF_ROUTE_REGISTRATION',
      'get /x',
      'upper-case HTTP method',
    )
  })
})
