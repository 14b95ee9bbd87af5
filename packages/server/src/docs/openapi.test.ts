import { dependency } from '@typefast/dependency-resolution'
import { del, get, post, put, router } from '@typefast/router'
import { t } from '@typefast/validation'
import { describe, expect, test } from 'vitest'
// One validity check for every document test, beside the openapi package's own.
import { expectValidOpenAPI as expectValid } from '../../../openapi/src/testing/valid.js'
import { type AppOptions, createApp } from '../app/app.js'
import { HTTPException } from '../exceptions/http-exception.js'
import { uploadFile } from '../forms/upload-file.js'
import { oauth2PasswordBearer } from '../security/oauth2.js'

const Item = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100, description: 'What the item is called', examples: ['Hammer'] }),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
    kind: t.Optional(t.Union([t.Literal('tool'), t.Literal('toy')])),
  },
  { $id: 'Item' },
)
const Message = t.Object({ message: t.String() }, { $id: 'Message' })
const Node = t.Cyclic({ Node: t.Object({ name: t.String(), children: t.Array(t.Ref('Node')) }) }, 'Node')

// A dependency with its own query input, and one with a header input that depends on another
// (its sub-dependency reads a cookie): all of them surface as parameters of the routes using them.
const pagination = dependency(
  {
    query: t.Object({
      skip: t.Integer({ minimum: 0, default: 0 }),
      limit: t.Integer({ minimum: 1, maximum: 100, default: 10 }),
    }),
  },
  ({ query }) => query,
)
const session = dependency({ cookies: t.Object({ session: t.Optional(t.String()) }) }, ({ cookies }) => cookies.session)
const currentUser = dependency(
  { deps: { session }, headers: t.Object({ 'x-token': t.String({ description: 'API token' }) }) },
  ({ headers }) => {
    if (headers['x-token'] !== 'secret') throw new HTTPException(401, 'Not authenticated')
    return { name: 'alice' }
  },
)

const stored = { name: 'Hammer', price: 9.5, tags: ['tools'] }

/** An app that uses every feature the document describes. */
function everything(options: AppOptions = {}) {
  const items = router(
    {
      prefix: '/items',
      tags: ['items'],
      responses: { 404: { description: 'Item not found', schema: Message } },
    },
    get(
      '/',
      {
        deps: { page: pagination },
        query: t.Object({
          q: t.Optional(t.String({ description: 'Search text', examples: ['hammer'] })),
          tag: t.Array(t.String(), { default: [] }),
          old: t.Optional(t.String({ deprecated: true })),
        }),
        headers: t.Object({ 'x-request-id': t.Optional(t.String()) }),
        response: t.Array(Item),
      },
      function readItems() {
        return [stored]
      },
    ),
    get(
      '/{item_id}',
      { params: t.Object({ item_id: t.Integer({ minimum: 1 }) }), response: { 200: Item, 404: Message } },
      function readItem() {
        return stored
      },
    ),
    post(
      '/',
      {
        deps: { user: currentUser },
        body: Item,
        status: 201,
        response: Item,
        summary: 'Create an item',
        description: 'Stores **one** item.',
        responses: { 409: { description: 'An item with that name exists', schema: Message }, 403: {} },
      },
      ({ body }) => body,
    ),
    put('/{item_id}', { params: t.Object({ item_id: t.Integer() }), body: Item, response: Item }, ({ body }) => body),
    del('/{item_id}', { params: t.Object({ item_id: t.Integer() }), status: 204, deprecated: true }, () => {}),
    get('/internal', { includeInSchema: false }, () => ({ secret: true })),
  )
  return createApp({
    title: 'Shop',
    version: '1.2.3',
    summary: 'A shop',
    description: 'Sells **things**.',
    termsOfService: 'https://example.com/terms',
    contact: { name: 'Shop team', url: 'https://example.com', email: 'shop@example.com' },
    license: { name: 'MIT', identifier: 'MIT' },
    servers: [{ url: 'https://api.example.com', description: 'Production' }, { url: '/' }],
    openapiTags: [
      { name: 'items', description: 'Things on sale', externalDocs: { url: 'https://example.com/items' } },
      { name: 'trees', description: 'Recursive things' },
    ],
    ...options,
  })
    .include(items)
    .post('/trees', { body: Node, response: Node, tags: ['trees'], operationId: 'echo_tree' }, ({ body }) => body)
    .get('/', function root() {
      return { message: 'Hello World' }
    })
}

describe('the document of an app with every feature', () => {
  const app = everything()

  test('passes @readme/openapi-parser', async () => {
    await expectValid(app.openapi())
  })

  test('what it documents (so the validator saw every feature)', () => {
    const doc = app.openapi()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toEqual({
      title: 'Shop',
      version: '1.2.3',
      summary: 'A shop',
      description: 'Sells **things**.',
      termsOfService: 'https://example.com/terms',
      contact: { name: 'Shop team', url: 'https://example.com', email: 'shop@example.com' },
      license: { name: 'MIT', identifier: 'MIT' },
    })
    expect(doc.tags?.map((tag) => tag.name)).toEqual(['items', 'trees'])
    expect(Object.keys(doc.paths)).toEqual(['/items', '/items/{item_id}', '/trees', '/'])
    const list = doc.paths['/items']?.get
    expect(list?.parameters?.map((p) => `${p.in}:${p.name}:${p.required}`).sort()).toEqual([
      'header:x-request-id:false',
      'query:limit:false',
      'query:old:false',
      'query:q:false',
      'query:skip:false',
      'query:tag:false',
    ])
    expect(list?.parameters?.find((p) => p.name === 'tag')?.schema).toMatchObject({ type: 'array' })
    const create = doc.paths['/items']?.post
    expect(create?.summary).toBe('Create an item')
    // The header of currentUser and the cookie of its sub-dependency session.
    expect(create?.parameters?.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'header:x-token:true',
      'cookie:session:false',
    ])
    expect(Object.keys(create?.responses ?? {})).toEqual(['201', '403', '404', '409', '422'])
    expect(create?.responses['409']?.description).toBe('An item with that name exists')
    expect(create?.responses['403']).toEqual({ description: 'Forbidden' })
    const remove = doc.paths['/items/{item_id}']?.delete
    expect(remove?.deprecated).toBe(true)
    expect(remove?.responses['204']).toEqual({ description: 'Successful Response' })
    expect(doc.paths['/trees']?.post?.operationId).toBe('echo_tree')
    expect(Object.keys(doc.components?.schemas ?? {}).sort()).toEqual([
      'HTTPValidationError',
      'Item',
      'Message',
      'Node',
      'ValidationError',
    ])
    expect(JSON.stringify(doc)).not.toContain('/internal')
  })

  test('the routes it documents answer as documented', async () => {
    expect((await app.inject({ url: '/items?tag=a&tag=b&limit=5' })).json()).toEqual([stored])
    const created = await app.inject({ method: 'POST', url: '/items', headers: { 'x-token': 'secret' }, json: stored })
    expect(created.status).toBe(201)
    const tree = { name: 'a', children: [{ name: 'b', children: [] }] }
    expect((await app.inject({ method: 'POST', url: '/trees', json: tree })).json()).toEqual(tree)
    expect((await app.inject({ method: 'DELETE', url: '/items/1' })).status).toBe(204)
    expect((await app.inject({ url: '/items/internal' })).status).toBe(200)
  })
})

describe('/openapi.json', () => {
  test('the same bytes on every request, as application/json, equal to app.openapi()', async () => {
    const app = everything()
    const first = await app.inject({ url: '/openapi.json' })
    const second = await app.inject({ url: '/openapi.json' })
    expect(first.status).toBe(200)
    expect(first.headers['content-type']).toMatch(/^application\/json\b/)
    expect(second.body).toBe(first.body)
    expect(Buffer.from(second.body).equals(Buffer.from(first.body))).toBe(true)
    expect(JSON.parse(first.body)).toEqual(app.openapi())
    await expectValid(JSON.parse(first.body))
  })

  test('an app with one route and no options is valid too', async () => {
    const app = createApp().get('/', () => ({ ok: true }))
    const doc = (await app.inject({ url: '/openapi.json' })).json<{ info: unknown }>()
    expect(doc.info).toEqual({ title: 'typefast', version: '0.1.0' })
    await expectValid(doc)
  })
})

/** The src and href of every script, stylesheet and icon of a page. */
function assetUrls(page: string): string[] {
  return [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)
}

/** Every URL in the page, in attributes or scripts. */
function absoluteUrls(page: string): string[] {
  return [...page.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+/gi)].map((m) => m[0])
}

describe("the app's dependencies", () => {
  test('guard its routes, not /openapi.json, /docs nor /redoc, as in FastAPI', async () => {
    const verifyKey = dependency({ headers: t.Object({ 'x-key': t.String() }) }, ({ headers }) => headers['x-key'])
    const app = createApp({ deps: { verifyKey } }).get('/users', function readUsers() {
      return []
    })
    expect((await app.inject({ url: '/users' })).status).toBe(422)
    for (const url of ['/openapi.json', '/docs', '/redoc']) expect((await app.inject({ url })).status).toBe(200)
    expect(app.openapi().paths['/users']?.get?.parameters?.map((p) => p.name)).toEqual(['x-key'])
  })
})

describe('/docs and /redoc', () => {
  const app = everything()

  for (const path of ['/docs', '/redoc']) {
    test(`${path} is HTML that loads only the app's own assets, and they are served`, async () => {
      const page = await app.inject({ url: path })
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html\b/)
      expect(absoluteUrls(page.body)).toEqual([])
      const urls = assetUrls(page.body)
      expect(urls.length).toBeGreaterThan(0)
      for (const url of urls) {
        expect(url).toMatch(/^\/docs-assets\/[\w.-]+$/)
        const asset = await app.inject({ url })
        expect(asset.status, url).toBe(200)
        expect(asset.body.length, url).toBeGreaterThan(0)
      }
      expect(page.body).toContain('/openapi.json')
    })
  }

  test('the assets are the installed packages, with their content types', async () => {
    const script = await app.inject({ url: '/docs-assets/swagger-ui-bundle.js' })
    expect(script.headers['content-type']).toMatch(/javascript/)
    expect(script.body).toContain('SwaggerUIBundle')
    expect((await app.inject({ url: '/docs-assets/swagger-ui.css' })).headers['content-type']).toMatch(/^text\/css/)
    expect((await app.inject({ url: '/docs-assets/redoc.standalone.js' })).body).toContain('Redoc')
    expect((await app.inject({ url: '/docs-assets/..%2Fpackage.json' })).status).toBe(404)
    expect((await app.inject({ url: '/docs-assets/nothing.js' })).status).toBe(404)
  })

  test('the OAuth2 redirect page is served and loads nothing', async () => {
    const page = await app.inject({ url: '/docs/oauth2-redirect' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<script>')
    expect(assetUrls(page.body)).toEqual([])
    expect((await app.inject({ url: '/docs' })).body).toContain('/docs/oauth2-redirect')
  })

  test('swaggerUiParameters reach the page, over the defaults', async () => {
    const custom = everything({ swaggerUiParameters: { deepLinking: false, syntaxHighlight: { theme: 'obsidian' } } })
    const page = (await custom.inject({ url: '/docs' })).body
    const config = JSON.parse(page.match(/const config = (.*)\n/)![1]!)
    expect(config).toMatchObject({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: false,
      syntaxHighlight: { theme: 'obsidian' },
    })
    // A parameter is JSON in a script: it cannot close the script element.
    const sneaky = everything({ swaggerUiParameters: { title: '</script><script>alert(1)</script>' } })
    expect((await sneaky.inject({ url: '/docs' })).body).not.toContain('</script><script>alert(1)')
  })
})

describe('options move or turn off each URL', () => {
  const statuses = async (app: ReturnType<typeof everything>, urls: string[]) =>
    Promise.all(urls.map(async (url) => (await app.inject({ url })).status))
  const defaults = ['/openapi.json', '/docs', '/redoc', '/docs/oauth2-redirect', '/docs-assets/swagger-ui.css']

  test('defaults', async () => {
    expect(await statuses(everything(), defaults)).toEqual([200, 200, 200, 200, 200])
  })

  test('moved', async () => {
    const app = everything({
      openapiUrl: '/api/v1/openapi.json',
      docsUrl: '/api/docs',
      redocUrl: '/api/redoc',
      docsAssetsUrl: '/static/docs',
      swaggerUiOAuth2RedirectUrl: '/api/docs/callback',
    })
    expect(await statuses(app, defaults)).toEqual([404, 404, 404, 404, 404])
    expect(
      await statuses(app, [
        '/api/v1/openapi.json',
        '/api/docs',
        '/api/redoc',
        '/api/docs/callback',
        '/static/docs/swagger-ui.css',
      ]),
    ).toEqual([200, 200, 200, 200, 200])
    const docs = (await app.inject({ url: '/api/docs' })).body
    expect(docs).toContain('"url":"/api/v1/openapi.json"')
    expect(docs).toContain('/api/docs/callback')
    expect(assetUrls(docs).every((url) => url.startsWith('/static/docs/'))).toBe(true)
    const redoc = (await app.inject({ url: '/api/redoc' })).body
    expect(redoc).toContain('spec-url="/api/v1/openapi.json"')
    expect(assetUrls(redoc).every((url) => url.startsWith('/static/docs/'))).toBe(true)
  })

  test('docsUrl false: no Swagger UI nor its redirect page; ReDoc stays', async () => {
    expect(await statuses(everything({ docsUrl: false }), defaults)).toEqual([200, 404, 200, 404, 200])
  })

  test('redocUrl false: no ReDoc; Swagger UI stays', async () => {
    expect(await statuses(everything({ redocUrl: false }), defaults)).toEqual([200, 200, 404, 200, 200])
  })

  test('both pages false: the document stays, no assets are served', async () => {
    expect(await statuses(everything({ docsUrl: false, redocUrl: false }), defaults)).toEqual([200, 404, 404, 404, 404])
  })

  test('swaggerUiOAuth2RedirectUrl false: no redirect page, and the page does not name one', async () => {
    const app = everything({ swaggerUiOAuth2RedirectUrl: false })
    expect(await statuses(app, defaults)).toEqual([200, 200, 200, 404, 200])
    expect((await app.inject({ url: '/docs' })).body).not.toContain('oauth2RedirectUrl')
  })

  test('openapiUrl false turns off the document and both pages', async () => {
    expect(await statuses(everything({ openapiUrl: false }), defaults)).toEqual([404, 404, 404, 404, 404])
  })

  test('turned-off pages free their paths for routes of the app', async () => {
    const app = everything({ docsUrl: false }).get('/docs', () => ({ mine: true }))
    expect((await app.inject({ url: '/docs' })).json()).toEqual({ mine: true })
  })
})

// The twin in FastAPI 0.142.2 (its `app.openapi()` is the expected document, pasted as printed):
//   app = FastAPI(title="Shop", summary="A shop", description="Sells **things**.", version="1.2.3",
//       terms_of_service=..., contact=..., license_info=..., servers=..., openapi_tags=[...])
//   responses = {404: {"model": Message, "description": "Nope"}, 400: {"model": Message}, 403: {"description": "Forbidden!"}}
//   @app.get("/me", deprecated=True, tags=["a"], responses=responses)  def me(token: str = Depends(oauth))
//   @app.get("/me/{x}", deprecated=True, tags=["a"], responses=responses)  def me2(x: int, token: str = Depends(oauth))
//   @app.post("/upload")  def upload(file: UploadFile = File(), user_agent: str | None = Header(default=None))
//   @app.webhooks.post("new-subscription")  def new_subscription(body: Subscription): """When a user subscribes."""
describe('identical to FastAPI 0.142.2', () => {
  const oauth = oauth2PasswordBearer({ tokenUrl: 'token' })
  const Subscription = t.Object({ username: t.String(), monthly_fee: t.Number() }, { $id: 'Subscription' })
  const responses = {
    404: { schema: Message, description: 'Nope' },
    400: { schema: Message },
    403: { description: 'Forbidden!' },
  }
  const app = createApp({
    title: 'Shop',
    summary: 'A shop',
    description: 'Sells **things**.',
    version: '1.2.3',
    termsOfService: 'https://example.com/terms',
    contact: { name: 'Shop team', url: 'https://example.com/contact/', email: 'shop@example.com' },
    license: { name: 'MIT', identifier: 'MIT' },
    servers: [{ url: 'https://api.example.com', description: 'Production' }],
    openapiTags: [{ name: 'a', description: 'Accounts' }],
    webhooks: [
      post(
        '/new-subscription',
        { body: Subscription, description: 'When a user subscribes.' },
        function new_subscription() {},
      ),
    ],
  })
    .get('/me', { deprecated: true, tags: ['a'], deps: { token: oauth }, responses }, function me() {
      return {}
    })
    .get(
      '/me/{x}',
      { deprecated: true, tags: ['a'], params: t.Object({ x: t.Integer() }), deps: { token: oauth }, responses },
      function me2() {
        return {}
      },
    )
    .post(
      '/upload',
      {
        form: t.Object({ file: uploadFile() }),
        headers: t.Object({ user_agent: t.Optional(t.Union([t.String(), t.Null()])) }),
      },
      function upload() {
        return {}
      },
    )

  test('the whole document, byte for byte: key order, titles, files, headers, security, webhooks', async () => {
    const res = await app.inject({ url: '/openapi.json' })
    expect(res.body).toBe(JSON.stringify(FASTAPI_DOCUMENT))
  })

  test('is valid, and a webhook is documented, not served', async () => {
    await expectValid(app.openapi())
    expect((await app.inject({ method: 'POST', url: '/new-subscription', json: {} })).status).toBe(404)
  })
})

const FASTAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Shop',
    summary: 'A shop',
    description: 'Sells **things**.',
    termsOfService: 'https://example.com/terms',
    contact: { name: 'Shop team', url: 'https://example.com/contact/', email: 'shop@example.com' },
    license: { name: 'MIT', identifier: 'MIT' },
    version: '1.2.3',
  },
  servers: [{ url: 'https://api.example.com', description: 'Production' }],
  paths: {
    '/me': {
      get: {
        tags: ['a'],
        summary: 'Me',
        operationId: 'me_me_get',
        responses: {
          '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
          '404': {
            description: 'Nope',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } },
          },
          '400': {
            description: 'Bad Request',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } },
          },
          '403': { description: 'Forbidden!' },
        },
        deprecated: true,
        security: [{ OAuth2PasswordBearer: [] }],
      },
    },
    '/me/{x}': {
      get: {
        tags: ['a'],
        summary: 'Me2',
        operationId: 'me2_me__x__get',
        deprecated: true,
        security: [{ OAuth2PasswordBearer: [] }],
        parameters: [{ name: 'x', in: 'path', required: true, schema: { type: 'integer', title: 'X' } }],
        responses: {
          '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
          '404': {
            description: 'Nope',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } },
          },
          '400': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } },
            description: 'Bad Request',
          },
          '403': { description: 'Forbidden!' },
          '422': {
            description: 'Validation Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
          },
        },
      },
    },
    '/upload': {
      post: {
        summary: 'Upload',
        operationId: 'upload_upload_post',
        parameters: [
          {
            name: 'user-agent',
            in: 'header',
            required: false,
            schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'User-Agent' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/Body_upload_upload_post' } } },
        },
        responses: {
          '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
          '422': {
            description: 'Validation Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
          },
        },
      },
    },
  },
  webhooks: {
    'new-subscription': {
      post: {
        summary: 'New Subscription',
        description: 'When a user subscribes.',
        operationId: 'new_subscriptionnew_subscription_post',
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Subscription' } } },
          required: true,
        },
        responses: {
          '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
          '422': {
            description: 'Validation Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Body_upload_upload_post: {
        properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', title: 'File' } },
        type: 'object',
        required: ['file'],
        title: 'Body_upload_upload_post',
      },
      HTTPValidationError: {
        properties: {
          detail: { items: { $ref: '#/components/schemas/ValidationError' }, type: 'array', title: 'Detail' },
        },
        type: 'object',
        title: 'HTTPValidationError',
      },
      Message: {
        properties: { message: { type: 'string', title: 'Message' } },
        type: 'object',
        required: ['message'],
        title: 'Message',
      },
      Subscription: {
        properties: {
          username: { type: 'string', title: 'Username' },
          monthly_fee: { type: 'number', title: 'Monthly Fee' },
        },
        type: 'object',
        required: ['username', 'monthly_fee'],
        title: 'Subscription',
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
    },
    securitySchemes: {
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
    },
  },
  tags: [{ name: 'a', description: 'Accounts' }],
}
