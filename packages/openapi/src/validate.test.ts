import { validate } from '@readme/openapi-parser'
import { del, get, post, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
import { buildOpenAPIDocument } from './document.js'
import { sourcesOf } from './testing/sources.js'
import { expectValidOpenAPI as expectValid } from './testing/valid.js'

/** Handlers are never called here; this satisfies a response schema's return type. */
const documentationOnly = (): never => {
  throw new Error('documentation only')
}

const Item = t.Object(
  {
    name: t.String({ minLength: 1, description: 'What the item is called', examples: ['Hammer'] }),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
    kind: t.Optional(t.Union([t.Literal('tool'), t.Literal('toy')])),
    note: t.Optional(t.Union([t.String(), t.Null()])),
  },
  { $id: 'Item' },
)
const Message = t.Object({ message: t.String() }, { $id: 'Message' })
const Node = t.Cyclic({ Node: t.Object({ name: t.String(), children: t.Array(t.Ref('Node')) }) }, 'Node')
const Subscription = t.Object({ email: t.String({ format: 'email' }), plan: t.String() }, { $id: 'Subscription' })

// Everything the builder can document, without the server: the server's own test
// (packages/server/src/docs/openapi.test.ts) validates the same through createApp.
describe('a document with every feature passes @readme/openapi-parser', () => {
  const items = router(
    { prefix: '/items', tags: ['items'], responses: { 404: { description: 'Item not found', schema: Message } } },
    get(
      '/',
      {
        query: t.Object({
          q: t.Optional(t.String({ description: 'Search text', examples: ['hammer'] })),
          tag: t.Array(t.String(), { default: [] }),
          old: t.Optional(t.String({ deprecated: true })),
        }),
        headers: t.Object({ 'x-request-id': t.Optional(t.String()) }),
        cookies: t.Object({ session: t.Optional(t.String()) }),
        response: t.Array(Item),
      },
      function read_items() {
        return documentationOnly()
      },
    ),
    get(
      '/{item_id}',
      { params: t.Object({ item_id: t.Integer({ minimum: 1 }) }), response: { 200: Item, 404: Message } },
      function read_item() {
        return documentationOnly()
      },
    ),
    post(
      '/',
      {
        body: Item,
        status: 201,
        response: Item,
        summary: 'Create an item',
        description: 'Stores **one** item.',
        responses: { 409: { description: 'Already exists', schema: Message }, 403: {} },
      },
      function create_item() {
        return documentationOnly()
      },
    ),
    del('/{item_id}', { status: 204, deprecated: true }, function delete_item() {}),
    get('/hidden', { includeInSchema: false }, function hidden() {}),
  )
  const sources = sourcesOf(
    [
      items,
      post('/tree', { body: Node, response: Node, operationId: 'tree' }, function tree() {
        return documentationOnly()
      }),
      get('/', function root() {}),
    ],
    (path) => (path.startsWith('/items') ? { query: t.Object({ token: t.String() }) } : {}),
  )
  const [me] = sourcesOf([get('/me', { response: Message }, () => documentationOnly())])
  const [hook] = sourcesOf([post('/new-subscription', { body: Subscription }, function new_subscription() {})])
  const document = buildOpenAPIDocument([...sources, { ...me!, security: [{ scheme: 'OAuth2', scopes: ['me'] }] }], {
    info: {
      title: 'Shop',
      version: '1.2.3',
      summary: 'A shop',
      description: 'Sells **things**.',
      termsOfService: 'https://example.com/terms',
      contact: { name: 'Shop team', url: 'https://example.com', email: 'shop@example.com' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://api.example.com', description: 'Production' }, { url: '/' }],
    tags: [
      { name: 'items', description: 'Things on sale', externalDocs: { url: 'https://example.com/items' } },
      { name: 'users' },
    ],
    securitySchemes: { OAuth2: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: { me: 'Me' } } } } },
    webhooks: [hook!],
  })

  test('valid', async () => {
    await expectValid(document)
  })

  test('it holds what it should (so the validator saw every feature)', () => {
    expect(Object.keys(document.paths)).toEqual(['/items', '/items/{item_id}', '/tree', '/', '/me'])
    expect(document.components?.schemas).toHaveProperty('Node')
    expect(document.components?.schemas).toHaveProperty('HTTPValidationError')
    expect(document.webhooks).toHaveProperty('new-subscription')
    expect(document.paths['/items/{item_id}']?.delete?.responses['204']).toEqual({ description: 'Successful Response' })
    expect(document.paths['/items']?.get?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:token',
      'query:q',
      'query:tag',
      'query:old',
      'header:x-request-id',
      'cookie:session',
    ])
  })

  test("keys come in FastAPI's order", () => {
    expect(Object.keys(document)).toEqual(['openapi', 'info', 'servers', 'paths', 'webhooks', 'components', 'tags'])
    expect(Object.keys(document.paths['/items']?.post ?? {})).toEqual([
      'tags',
      'summary',
      'description',
      'operationId',
      'parameters',
      'requestBody',
      'responses',
    ])
  })

  test('the validator does catch an invalid document', async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, any> }
    broken.paths['/items']!.get.responses = 'none'
    const result = await validate(broken as never)
    expect(result.valid).toBe(false)
  })

  // An app without routes documents `paths: {}` as FastAPI does, which the 3.1 schema allows but
  // this validator rejects ("at least one entry in paths, webhooks or components"); one route is enough.
  test('a minimal document (one route, no inputs, no named schema) is valid', async () => {
    await expectValid(
      buildOpenAPIDocument(sourcesOf([get('/', function root() {})]), { info: { title: 'Min', version: '0' } }),
    )
  })
})
