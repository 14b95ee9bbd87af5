import { get, head, post, put, router } from '@typefast/router'
import { t as Type } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { buildOpenAPIDocument } from './document.js'
import { expectExact } from './testing/exact.js'
import { sourcesOf } from './testing/sources.js'

const info = { title: 'FastAPI', version: '0.1.0' }
/** Handlers are never called here; this satisfies a response schema's return type. */
const documentationOnly = (): never => {
  throw new Error('documentation only')
}
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const ok = { description: 'Successful Response', content: { 'application/json': { schema: {} } } }
const validationError = {
  description: 'Validation Error',
  content: { 'application/json': { schema: ref('HTTPValidationError') } },
}
const token = { name: 'token', in: 'query', required: true, schema: { type: 'string', title: 'Token' } }
const xToken = { name: 'x-token', in: 'header', required: true, schema: { type: 'string', title: 'X-Token' } }

// The app of FastAPI's docs_src/bigger_applications (app-level dependency: query `token`; the items
// router's dependency: header `x-token`), expected as in
// tests/test_tutorial/test_bigger_applications/test_main_an_py39.py.
describe('bigger applications', () => {
  const users = router(
    { tags: ['users'] },
    get('/users/', function read_users() {}),
    get('/users/me', function read_user_me() {}),
    get('/users/{username}', function read_user() {}),
  )
  const items = router(
    { prefix: '/items', tags: ['items'], responses: { 404: { description: 'Not found' } } },
    get('/', function read_items() {}),
    get('/{item_id}', function read_item() {}),
    put(
      '/{item_id}',
      { tags: ['custom'], responses: { 403: { description: 'Operation forbidden' } } },
      function update_item() {},
    ),
  )
  const admin = router(
    { prefix: '/admin', tags: ['admin'], responses: { 418: { description: "I'm a teapot" } } },
    post('/', function update_admin() {}),
  )
  const sources = sourcesOf([users, items, admin, get('/', function root() {})], (path) => ({
    query: Type.Object({ token: Type.String() }),
    ...(path.startsWith('/items') || path.startsWith('/admin')
      ? { headers: Type.Object({ 'x-token': Type.String() }) }
      : {}),
  }))
  const document = buildOpenAPIDocument(sources, { info })

  test('paths and operations', () => {
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toEqual(info)
    // The router joins prefix '/items' and path '/' as '/items' where FastAPI keeps '/items/'.
    expect(Object.keys(document.paths)).toEqual([
      '/users/',
      '/users/me',
      '/users/{username}',
      '/items',
      '/items/{item_id}',
      '/admin',
      '/',
    ])
    expect(document.paths['/items']?.get).toMatchObject({
      operationId: 'read_items_items_get',
      parameters: [token, xToken],
    })
    expect(document.paths['/users/{username}']).toEqual({
      get: {
        tags: ['users'],
        summary: 'Read User',
        operationId: 'read_user_users__username__get',
        // No params schema: untyped, as FastAPI documents `username` without an annotation.
        parameters: [{ name: 'username', in: 'path', required: true, schema: { title: 'Username' } }, token],
        responses: { 200: ok, 422: validationError },
      },
    })
    expect(document.paths['/items/{item_id}']?.put).toEqual({
      tags: ['items', 'custom'],
      summary: 'Update Item',
      operationId: 'update_item_items__item_id__put',
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { title: 'Item Id' } }, token, xToken],
      responses: {
        200: ok,
        404: { description: 'Not found' },
        403: { description: 'Operation forbidden' },
        422: validationError,
      },
    })
    expect(Object.keys(document.paths['/items/{item_id}']!.put!.responses)).toEqual(['200', '403', '404', '422'])
    expect(document.paths['/admin']?.post?.operationId).toBe('update_admin_admin_post')
    expect(document.paths['/admin']?.post?.responses['418']).toEqual({ description: "I'm a teapot" })
    expect(document.paths['/']?.get).toMatchObject({ summary: 'Root', operationId: 'root__get', parameters: [token] })
  })

  test('the validation error schemas of FastAPI 0.115+', () => {
    expect(document.components?.schemas).toEqual({
      HTTPValidationError: {
        properties: { detail: { items: ref('ValidationError'), type: 'array', title: 'Detail' } },
        type: 'object',
        title: 'HTTPValidationError',
      },
      ValidationError: {
        properties: {
          loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Location' },
          msg: { type: 'string', title: 'Message' },
          type: { type: 'string', title: 'Error Type' },
          input: { title: 'Input' },
          ctx: { type: 'object', title: 'Context' },
        },
        type: 'object',
        required: ['loc', 'msg', 'type'],
        title: 'ValidationError',
      },
    })
  })
})

const Item = Type.Object(
  {
    name: Type.String(),
    description: Type.Optional(Type.String()),
    price: Type.Number(),
    tax: Type.Optional(Type.Number()),
  },
  { $id: 'Item' },
)

describe('inputs', () => {
  test('a JSON body, as tests/test_tutorial/test_body/test_tutorial001.py', () => {
    const doc = buildOpenAPIDocument(sourcesOf([post('/items/', { body: Item }, function create_item() {})]), { info })
    expectExact(doc.paths['/items/']?.post, {
      summary: 'Create Item',
      operationId: 'create_item_items__post',
      requestBody: { content: { 'application/json': { schema: ref('Item') } }, required: true },
      responses: { 200: ok, 422: validationError },
    })
    // Optional, not nullable: FastAPI's `description: str = None`.
    expectExact(doc.components?.schemas?.Item, {
      properties: {
        name: { type: 'string', title: 'Name' },
        description: { type: 'string', title: 'Description' },
        price: { type: 'number', title: 'Price' },
        tax: { type: 'number', title: 'Tax' },
      },
      type: 'object',
      required: ['name', 'price'],
      title: 'Item',
    })
  })

  test('an optional body is not required: FastAPI writes no `required`', () => {
    const doc = buildOpenAPIDocument(sourcesOf([put('/x', { body: Type.Optional(Item) }, function f() {})]), { info })
    expectExact(doc.paths['/x']?.put?.requestBody, { content: { 'application/json': { schema: ref('Item') } } })
  })

  test('typed path, query with defaults, arrays, headers and cookies', () => {
    // tests/test_tutorial/test_path_params/test_tutorial002.py (item_id: int) and
    // test_query_params_str_validations/test_tutorial010.py and test_tutorial011.py (q: list[str]).
    const route = get(
      '/items/{item_id}',
      {
        params: Type.Object({ item_id: Type.Integer() }),
        query: Type.Object({
          skip: Type.Integer({ default: 0 }),
          q: Type.Optional(Type.Array(Type.String())),
          'item-query': Type.Optional(
            Type.String({
              minLength: 3,
              title: 'Query string',
              description: 'Query string for the items',
              deprecated: true,
            }),
          ),
        }),
        headers: Type.Object({ 'user-agent': Type.Optional(Type.String()) }),
        cookies: Type.Object({ ads_id: Type.String() }),
      },
      function read_item() {},
    )
    const doc = buildOpenAPIDocument(sourcesOf([route]), { info })
    expect(doc.paths['/items/{item_id}']?.get?.parameters).toEqual([
      { name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'Item Id' } },
      { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0, title: 'Skip' } },
      { name: 'q', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' }, title: 'Q' } },
      {
        name: 'item-query',
        in: 'query',
        required: false,
        description: 'Query string for the items',
        deprecated: true,
        schema: {
          type: 'string',
          minLength: 3,
          title: 'Query string',
          description: 'Query string for the items',
          deprecated: true,
        },
      },
      { name: 'user-agent', in: 'header', required: false, schema: { type: 'string', title: 'User-Agent' } },
      { name: 'ads_id', in: 'cookie', required: true, schema: { type: 'string', title: 'Ads Id' } },
    ])
  })

  test('an operation without inputs has no 422 and the document no validation schemas', () => {
    const doc = buildOpenAPIDocument(sourcesOf([get('/', function root() {})]), { info })
    expect(doc.paths['/']?.get).toEqual({ summary: 'Root', operationId: 'root__get', responses: { 200: ok } })
    expect(doc.components).toBeUndefined()
  })

  test('a route documenting its own 422 keeps it', () => {
    const route = get('/{id}', { responses: { 422: { description: 'Bad id' } } }, function f() {})
    const doc = buildOpenAPIDocument(sourcesOf([route]), { info })
    expect(doc.paths['/{id}']?.get?.responses['422']).toEqual({ description: 'Bad id' })
    expect(doc.components).toBeUndefined()
  })
})

describe('responses', () => {
  test('a response model, as tests/test_tutorial/test_response_model/', () => {
    const route = get('/items/{item_id}', { response: Item }, function read_item() {
      return documentationOnly()
    })
    const doc = buildOpenAPIDocument(sourcesOf([route]), { info })
    expect(doc.paths['/items/{item_id}']?.get?.responses['200']).toEqual({
      description: 'Successful Response',
      content: { 'application/json': { schema: ref('Item') } },
    })
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['HTTPValidationError', 'Item', 'ValidationError'])
  })

  test('status, status maps, 204 and extra responses with models', () => {
    const Message = Type.Object({ message: Type.String() }, { $id: 'Message' })
    const doc = buildOpenAPIDocument(
      sourcesOf([
        post('/items', { status: 201, response: Item }, function create() {
          return documentationOnly()
        }),
        get('/a', { response: { 200: Item, 404: Message } }, function a() {
          return documentationOnly()
        }),
        put('/b', { status: 204 }, function b() {}),
        // tests/test_tutorial/test_additional_responses/test_tutorial001.py
        get('/c', { response: Item, responses: { 404: { schema: Message } } }, function c() {
          return documentationOnly()
        }),
        get('/d', { status: 202, responses: { 202: { description: 'Accepted for later' } } }, function d() {}),
      ]),
      { info },
    )
    const json = (schema: unknown) => ({ 'application/json': { schema } })
    expect(doc.paths['/items']?.post?.responses).toEqual({
      201: { description: 'Successful Response', content: json(ref('Item')) },
    })
    expect(doc.paths['/a']?.get?.responses).toEqual({
      200: { description: 'Successful Response', content: json(ref('Item')) },
      404: { description: 'Not Found', content: json(ref('Message')) },
    })
    expect(doc.paths['/b']?.put?.responses).toEqual({ 204: { description: 'Successful Response' } })
    expect(doc.paths['/c']?.get?.responses).toEqual({
      200: { description: 'Successful Response', content: json(ref('Item')) },
      404: { description: 'Not Found', content: json(ref('Message')) },
    })
    expect(doc.paths['/d']?.get?.responses).toEqual({ 202: { description: 'Accepted for later', content: json({}) } })
  })
})

describe('operations', () => {
  test('summary, description, deprecated, explicit and repeated operationIds', () => {
    const doc = buildOpenAPIDocument(
      sourcesOf([
        get(
          '/a',
          { summary: 'Custom', description: 'Long text', deprecated: true, operationId: 'listA' },
          function readA() {},
        ),
        get('/b', function readItems() {}),
        post('/b', { operationId: 'listA' }, function x() {}),
        get('/c', () => 1),
      ]),
      { info },
    )
    expect(doc.paths['/a']?.get).toEqual({
      summary: 'Custom',
      description: 'Long text',
      operationId: 'listA',
      deprecated: true,
      responses: { 200: ok },
    })
    expect(doc.paths['/b']?.get?.summary).toBe('Read Items')
    expect(doc.paths['/b']?.get?.operationId).toBe('read_items_b_get')
    expect(doc.paths['/b']?.post?.operationId).toBe('listA_1')
    // An arrow function assigned nowhere has no name: no summary, and an id from path and method.
    expect(doc.paths['/c']?.get?.summary).toBeUndefined()
    expect(doc.paths['/c']?.get?.operationId).toBe('c_get')
  })

  test('routes left out of the schema, HEAD made from a GET, and explicit HEAD', () => {
    const handler = () => 1
    const sources = sourcesOf([
      get('/hidden', { includeInSchema: false }, function hidden() {}),
      router(
        { includeInSchema: false },
        get('/hidden2', function hidden2() {}),
      ),
      get('/x', handler),
      head('/x', handler),
      head('/y', function check_y() {}),
    ])
    const doc = buildOpenAPIDocument(sources, { info })
    expect(Object.keys(doc.paths)).toEqual(['/x', '/y'])
    expect(Object.keys(doc.paths['/x']!)).toEqual(['get'])
    expect(doc.paths['/y']?.head?.operationId).toBe('check_y_y_head')
  })

  test(':name paths are documented in OpenAPI form', () => {
    const doc = buildOpenAPIDocument(sourcesOf([get('/users/:user_id', function read_user() {})]), { info })
    expect(doc.paths['/users/{user_id}']?.get?.operationId).toBe('read_user_users__user_id__get')
  })

  test('security requirements, schemes, servers, tags and webhooks', () => {
    const [source] = sourcesOf([get('/me', function read_me() {})])
    const [hook] = sourcesOf([post('/new-subscription', { body: Item }, function new_subscription() {})])
    const doc = buildOpenAPIDocument([{ ...source!, security: [{ scheme: 'OAuth2PasswordBearer', scopes: ['me'] }] }], {
      info: { ...info, description: 'API', license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: 'https://api.example.com', description: 'Production' }],
      tags: [{ name: 'users', description: 'Operations with users' }],
      securitySchemes: {
        OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
      },
      webhooks: [hook!],
    })
    expect(doc.paths['/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }])
    expect(doc.servers).toEqual([{ url: 'https://api.example.com', description: 'Production' }])
    expect(doc.tags).toEqual([{ name: 'users', description: 'Operations with users' }])
    expect(doc.components?.securitySchemes).toHaveProperty('OAuth2PasswordBearer')
    // tests/test_tutorial/test_openapi_webhooks/test_tutorial001.py names the webhook by its path.
    expect(doc.webhooks?.['new-subscription']?.post?.requestBody?.content['application/json']?.schema).toEqual(
      ref('Item'),
    )
  })

  test('two different schemas with one $id: the error names both routes', () => {
    const A1 = Type.Object({ a: Type.String() }, { $id: 'A' })
    const A2 = Type.Object({ a: Type.Integer() }, { $id: 'A' })
    const sources = sourcesOf([
      get('/one', { response: A1 }, function one() {
        return documentationOnly()
      }),
      post('/two', { body: A2 }, function two() {}),
    ])
    expect(() => buildOpenAPIDocument(sources, { info })).toThrow("$id 'A': one in GET /one, another in POST /two")
  })

  test('the document is plain JSON', () => {
    const Node = Type.Cyclic({ Node: Type.Object({ children: Type.Array(Type.Ref('Node')) }) }, 'Node')
    const doc = buildOpenAPIDocument(
      sourcesOf([
        post('/tree', { body: Node, response: Node }, function tree() {
          return documentationOnly()
        }),
      ]),
      {
        info,
      },
    )
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
    expectExact(doc.components?.schemas?.Node, {
      properties: { children: { items: ref('Node'), type: 'array', title: 'Children' } },
      type: 'object',
      required: ['children'],
      title: 'Node',
    })
  })
})
