import { type AnyRoute, get, post, put } from '@typefast/router'
import { t as Type } from '@typefast/validation'
import { describe, test } from 'vitest'
import { buildOpenAPIDocument } from './document.js'
import { expectExact } from './testing/exact.js'
import { sourcesOf } from './testing/sources.js'
import { expectValidOpenAPI } from './testing/valid.js'

// Each expected value below is FastAPI 0.142.2's `app.openapi()` (pydantic 2.13.5) for the twin
// written in the comment above it, pasted as printed: compared exactly, key order included.

const info = { title: 'FastAPI', version: '0.1.0' }
/** The document of an app of these routes, titled as FastAPI() titles it. */
const documentOf = (...routes: AnyRoute[]) => buildOpenAPIDocument(sourcesOf(routes), { info })
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]))
const file = () => Type.String({ format: 'binary' })
/** Handlers are never called here; this satisfies a response schema's return type. */
const documentationOnly = (): never => {
  throw new Error('documentation only')
}

const Item = Type.Object(
  {
    name: Type.String(),
    description: nullable(Type.String()),
    price: Type.Number(),
    tax: nullable(Type.Number()),
    tags: Type.Array(Type.String(), { default: [] }),
    kind: Type.String({ default: 'tool' }),
  },
  { $id: 'Item' },
)
const User = Type.Object({ username: Type.String() }, { $id: 'User' })
const ModelName = Type.Enum(['alexnet', 'resnet', 'lenet'], { $id: 'ModelName' })

describe('parameters', () => {
  // def read_item(item_id: int, q: str | None = None, short: bool = False, needy: str = Query(),
  //     limit: int | None = Query(default=None, ge=1, le=100), tag: list[str] = Query(default=[]),
  //     user_agent: str | None = Header(default=None), x_token: str = Header(),
  //     ads_id: str | None = Cookie(default=None), opt: str = "x")
  test("titles, nullable optionals, defaults, hyphenated headers, in FastAPI's key order", () => {
    const route = get(
      '/items/{item_id}',
      {
        params: Type.Object({ item_id: Type.Integer() }),
        query: Type.Object({
          q: nullable(Type.String()),
          short: Type.Boolean({ default: false }),
          needy: Type.String(),
          limit: nullable(Type.Integer({ minimum: 1, maximum: 100 })),
          tag: Type.Array(Type.String(), { default: [] }),
          opt: Type.String({ default: 'x' }),
        }),
        headers: Type.Object({ user_agent: nullable(Type.String()), x_token: Type.String() }),
        cookies: Type.Object({ ads_id: nullable(Type.String()) }),
      },
      function read_item() {},
    )
    const doc = documentOf(route)
    expectExact(doc.paths['/items/{item_id}']?.get, {
      summary: 'Read Item',
      operationId: 'read_item_items__item_id__get',
      parameters: [
        { name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'Item Id' } },
        {
          name: 'q',
          in: 'query',
          required: false,
          schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Q' },
        },
        { name: 'short', in: 'query', required: false, schema: { type: 'boolean', default: false, title: 'Short' } },
        { name: 'needy', in: 'query', required: true, schema: { type: 'string', title: 'Needy' } },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { anyOf: [{ type: 'integer', maximum: 100, minimum: 1 }, { type: 'null' }], title: 'Limit' },
        },
        {
          name: 'tag',
          in: 'query',
          required: false,
          schema: { type: 'array', items: { type: 'string' }, default: [], title: 'Tag' },
        },
        { name: 'opt', in: 'query', required: false, schema: { type: 'string', default: 'x', title: 'Opt' } },
        {
          name: 'user-agent',
          in: 'header',
          required: false,
          schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'User-Agent' },
        },
        { name: 'x-token', in: 'header', required: true, schema: { type: 'string', title: 'X-Token' } },
        {
          name: 'ads_id',
          in: 'cookie',
          required: false,
          schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Ads Id' },
        },
      ],
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
  })

  // def read_plain(item_id) and def get_model(model_name: ModelName), ModelName a str Enum
  test('an untyped path parameter has no type; an enum is a titled, typed component', () => {
    const doc = documentOf(
      get('/plain/{item_id}', function read_plain() {}),
      get('/models/{model_name}', { params: Type.Object({ model_name: ModelName }) }, function get_model() {}),
    )
    expectExact(doc.paths['/plain/{item_id}']?.get, {
      summary: 'Read Plain',
      operationId: 'read_plain_plain__item_id__get',
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { title: 'Item Id' } }],
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.paths['/models/{model_name}']?.get, {
      summary: 'Get Model',
      operationId: 'get_model_models__model_name__get',
      parameters: [
        { name: 'model_name', in: 'path', required: true, schema: { $ref: '#/components/schemas/ModelName' } },
      ],
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.components?.schemas?.ModelName, {
      type: 'string',
      enum: ['alexnet', 'resnet', 'lenet'],
      title: 'ModelName',
    })
  })

  // def f(token = Depends(oauth2_scheme), q: str = Query(default="x", min_length=3, title="Query string",
  //     description="Query string for the items", deprecated=True, alias="item-query"),
  //     n: float = Query(gt=0), l: list[str] | None = Query(default=None),
  //     x_y: int | None = Header(default=None, ge=1)), with deprecated=True, tags=["t"], description="desc"
  test('described, deprecated and list parameters, after the security requirement', () => {
    const [source] = sourcesOf([
      get(
        '/q/',
        {
          deprecated: true,
          tags: ['t'],
          description: 'desc',
          query: Type.Object({
            'item-query': Type.String({
              default: 'x',
              minLength: 3,
              title: 'Query string',
              description: 'Query string for the items',
              deprecated: true,
            }),
            n: Type.Number({ exclusiveMinimum: 0 }),
            l: nullable(Type.Array(Type.String())),
          }),
          headers: Type.Object({ x_y: nullable(Type.Integer({ minimum: 1 })) }),
        },
        function f() {},
      ),
    ])
    const doc = buildOpenAPIDocument([{ ...source!, security: [{ scheme: 'OAuth2PasswordBearer', scopes: [] }] }], {
      info,
    })
    expectExact(doc.paths['/q/']?.get, {
      tags: ['t'],
      summary: 'F',
      description: 'desc',
      operationId: 'f_q__get',
      deprecated: true,
      security: [{ OAuth2PasswordBearer: [] }],
      parameters: [
        {
          name: 'item-query',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            minLength: 3,
            title: 'Query string',
            description: 'Query string for the items',
            deprecated: true,
            default: 'x',
          },
          description: 'Query string for the items',
          deprecated: true,
        },
        { name: 'n', in: 'query', required: true, schema: { type: 'number', exclusiveMinimum: 0, title: 'N' } },
        {
          name: 'l',
          in: 'query',
          required: false,
          schema: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }], title: 'L' },
        },
        {
          name: 'x-y',
          in: 'header',
          required: false,
          schema: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], title: 'X-Y' },
        },
      ],
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
  })
})

describe('bodies', () => {
  // def create_item(item: Item), Item with `description: str | None = None`, `tags: list[str] = []`, `kind: str = "tool"`
  test('a model: every field titled, nullable optionals as anyOf with null', () => {
    const doc = documentOf(post('/items/', { body: Item }, function create_item() {}))
    expectExact(doc.components?.schemas?.Item, {
      properties: {
        name: { type: 'string', title: 'Name' },
        description: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Description' },
        price: { type: 'number', title: 'Price' },
        tax: { anyOf: [{ type: 'number' }, { type: 'null' }], title: 'Tax' },
        tags: { items: { type: 'string' }, type: 'array', title: 'Tags', default: [] },
        kind: { type: 'string', title: 'Kind', default: 'tool' },
      },
      type: 'object',
      required: ['name', 'price'],
      title: 'Item',
    })
  })

  // def update_embed(item_id: int, item: Item = Body(embed=True)) and
  // def update_multi(item_id: int, item: Item, user: User, importance: int = Body())
  test('an object body without $id is Body_<operation id>, as embedded and several body parameters', () => {
    const params = Type.Object({ item_id: Type.Integer() })
    const doc = documentOf(
      put('/embed/{item_id}', { params, body: Type.Object({ item: Item }) }, function update_embed() {}),
      put(
        '/multi/{item_id}',
        { params, body: Type.Object({ item: Item, user: User, importance: Type.Integer() }) },
        function update_multi() {},
      ),
    )
    expectExact(doc.paths['/embed/{item_id}']?.put, {
      summary: 'Update Embed',
      operationId: 'update_embed_embed__item_id__put',
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'Item Id' } }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Body_update_embed_embed__item_id__put' } },
        },
      },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.paths['/multi/{item_id}']?.put, {
      summary: 'Update Multi',
      operationId: 'update_multi_multi__item_id__put',
      parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'Item Id' } }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Body_update_multi_multi__item_id__put' } },
        },
      },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.components?.schemas?.Body_update_embed_embed__item_id__put, {
      properties: { item: { $ref: '#/components/schemas/Item' } },
      type: 'object',
      required: ['item'],
      title: 'Body_update_embed_embed__item_id__put',
    })
    expectExact(doc.components?.schemas?.Body_update_multi_multi__item_id__put, {
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'integer', title: 'Importance' },
      },
      type: 'object',
      required: ['item', 'user', 'importance'],
      title: 'Body_update_multi_multi__item_id__put',
    })
    expectExact(doc.components?.schemas?.User, {
      properties: { username: { type: 'string', title: 'Username' } },
      type: 'object',
      required: ['username'],
      title: 'User',
    })
  })

  // def login(username: str = Form(), password: str = Form(), remember: bool = Form(default=False)),
  // def create_file(title: str = Form(), document: UploadFile = File(),
  //     attachments: list[UploadFile] | None = File(default=None)) and
  // def e(a: str | None = Form(default=None))
  test('form and file bodies: Body_ components, files as contentMediaType, not required when no field is', () => {
    const doc = documentOf(
      post(
        '/login/',
        {
          form: Type.Object({
            username: Type.String(),
            password: Type.String(),
            remember: Type.Boolean({ default: false }),
          }),
        },
        function login() {},
      ),
      post(
        '/files/',
        { form: Type.Object({ title: Type.String(), document: file(), attachments: nullable(Type.Array(file())) }) },
        function create_file() {},
      ),
      post('/optform/', { form: Type.Object({ a: nullable(Type.String()) }) }, function e() {}),
    )
    expectExact(doc.paths['/login/']?.post, {
      summary: 'Login',
      operationId: 'login_login__post',
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Body_login_login__post' } },
        },
        required: true,
      },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.paths['/files/']?.post, {
      summary: 'Create File',
      operationId: 'create_file_files__post',
      requestBody: {
        content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/Body_create_file_files__post' } } },
        required: true,
      },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.paths['/optform/']?.post, {
      summary: 'E',
      operationId: 'e_optform__post',
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Body_e_optform__post' } },
        },
      },
      responses: {
        '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expectExact(doc.components?.schemas?.Body_login_login__post, {
      properties: {
        username: { type: 'string', title: 'Username' },
        password: { type: 'string', title: 'Password' },
        remember: { type: 'boolean', title: 'Remember', default: false },
      },
      type: 'object',
      required: ['username', 'password'],
      title: 'Body_login_login__post',
    })
    expectExact(doc.components?.schemas?.Body_create_file_files__post, {
      properties: {
        title: { type: 'string', title: 'Title' },
        document: { type: 'string', contentMediaType: 'application/octet-stream', title: 'Document' },
        attachments: {
          anyOf: [
            { items: { type: 'string', contentMediaType: 'application/octet-stream' }, type: 'array' },
            { type: 'null' },
          ],
          title: 'Attachments',
        },
      },
      type: 'object',
      required: ['title', 'document'],
      title: 'Body_create_file_files__post',
    })
    expectExact(doc.components?.schemas?.Body_e_optform__post, {
      properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'A' } },
      type: 'object',
      title: 'Body_e_optform__post',
    })
  })
})

describe('schemas', () => {
  // class M(BaseModel): the fields of the twin below, one per keyword pydantic orders
  test("constraints, descriptions, examples, defaults and nested models in pydantic's order", () => {
    const Nested = Type.Object({ name: Type.String() }, { $id: 'Item' })
    const M = Type.Object(
      {
        s: Type.String({ minLength: 1, maxLength: 100, pattern: '^a', description: 'd', examples: ['x'], title: 'Tt' }),
        s2: Type.String({ default: 'x', minLength: 1, description: 'd', examples: ['x'], deprecated: true }),
        n: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 2 }),
        i: Type.Integer({ minimum: 0, maximum: 10, default: 1 }),
        l: Type.Array(Type.String(), { default: [], minItems: 1, maxItems: 3 }),
        o: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'dd' })),
        o2: Type.Union([Type.String(), Type.Null()], { default: 'x' }),
        o3: Type.Optional(Type.String()),
        e: Type.String({ format: 'email' }),
        itemId: Type.Integer(),
        b: Type.Union([Type.Boolean(), Type.Null()]),
        d: Type.Record(Type.String(), Type.Integer()),
        nested: Nested,
        nestedopt: nullable(Nested),
        nestedlist: Type.Array(Nested),
      },
      { $id: 'M' },
    )
    const doc = documentOf(post('/m/', { body: M }, function c() {}))
    expectExact(doc.components?.schemas?.M, {
      properties: {
        s: {
          type: 'string',
          maxLength: 100,
          minLength: 1,
          pattern: '^a',
          title: 'Tt',
          description: 'd',
          examples: ['x'],
        },
        s2: {
          type: 'string',
          minLength: 1,
          title: 'S2',
          description: 'd',
          default: 'x',
          deprecated: true,
          examples: ['x'],
        },
        n: { type: 'number', multipleOf: 2.0, exclusiveMaximum: 10.0, exclusiveMinimum: 0.0, title: 'N' },
        i: { type: 'integer', maximum: 10.0, minimum: 0.0, title: 'I', default: 1 },
        l: { items: { type: 'string' }, type: 'array', maxItems: 3, minItems: 1, title: 'L', default: [] },
        o: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'O', description: 'dd' },
        o2: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'O2', default: 'x' },
        o3: { type: 'string', title: 'O3' },
        e: { type: 'string', format: 'email', title: 'E' },
        itemId: { type: 'integer', title: 'Itemid' },
        b: { anyOf: [{ type: 'boolean' }, { type: 'null' }], title: 'B' },
        d: { additionalProperties: { type: 'integer' }, type: 'object', title: 'D' },
        nested: { $ref: '#/components/schemas/Item' },
        nestedopt: { anyOf: [{ $ref: '#/components/schemas/Item' }, { type: 'null' }] },
        nestedlist: { items: { $ref: '#/components/schemas/Item' }, type: 'array', title: 'Nestedlist' },
      },
      type: 'object',
      required: ['s', 'n', 'e', 'itemId', 'b', 'd', 'nested', 'nestedlist'],
      title: 'M',
    })
  })

  // class Item(BaseModel): """An item.""" with extra="forbid", kind: Literal["tool", "toy"] = "tool",
  // one: Literal["a"], color: Color | None = None, color2: Color = Color.red; class C(BaseModel):
  // ab: A | B, s: str | None = Field(default=None, examples=["e"])
  test('literal unions as enum, refs with defaults, unions of models, model descriptions', () => {
    const Color = Type.Enum(['red'], { $id: 'Color' })
    const Literals = Type.Object(
      {
        name: Type.String(),
        kind: Type.Union([Type.Literal('tool'), Type.Literal('toy')], { default: 'tool' }),
        one: Type.Literal('a'),
        color: nullable(Color),
        color2: Type.Ref('Color', { default: 'red' }),
      },
      { $id: 'Item', additionalProperties: false, description: 'An item.' },
    )
    const A = Type.Object({ a: Type.Integer() }, { $id: 'A' })
    const B = Type.Object({ b: Type.Integer() }, { $id: 'B' })
    const C = Type.Object(
      { ab: Type.Union([A, B]), s: Type.Optional(Type.Union([Type.String(), Type.Null()], { examples: ['e'] })) },
      { $id: 'C' },
    )
    const doc = documentOf(post('/items/', { body: Type.Object({ item: Literals, c: C }) }, function h() {}))
    expectExact(doc.components?.schemas?.Item, {
      properties: {
        name: { type: 'string', title: 'Name' },
        kind: { type: 'string', enum: ['tool', 'toy'], title: 'Kind', default: 'tool' },
        one: { type: 'string', const: 'a', title: 'One' },
        color: { anyOf: [{ $ref: '#/components/schemas/Color' }, { type: 'null' }] },
        color2: { $ref: '#/components/schemas/Color', default: 'red' },
      },
      additionalProperties: false,
      type: 'object',
      required: ['name', 'one'],
      title: 'Item',
      description: 'An item.',
    })
    expectExact(doc.components?.schemas?.C, {
      properties: {
        ab: { anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }], title: 'Ab' },
        s: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'S', examples: ['e'] },
      },
      type: 'object',
      required: ['ab'],
      title: 'C',
    })
  })
})

describe('responses', () => {
  // response_model=list[Item] on read_items, Item | None on a, dict[str, int] on b, and on
  // c(x: int): list[Item] with responses={404: {"model": list[Item]}, 400: {"model": Item}}
  test('unnamed response models titled after the operation; extra responses as FastAPI builds them', () => {
    const Named = Type.Object({ name: Type.String() }, { $id: 'Item' })
    const doc = documentOf(
      get('/list/', { response: Type.Array(Item) }, function read_items() {
        return documentationOnly()
      }),
    )
    expectExact(doc.paths['/list/']?.get, {
      summary: 'Read Items',
      operationId: 'read_items_list__get',
      responses: {
        '200': {
          description: 'Successful Response',
          content: {
            'application/json': {
              schema: {
                items: { $ref: '#/components/schemas/Item' },
                type: 'array',
                title: 'Response Read Items List  Get',
              },
            },
          },
        },
      },
    })
    const more = documentOf(
      get('/a/', { response: Type.Union([Named, Type.Null()]) }, function a() {
        return documentationOnly()
      }),
      get('/b/', { response: Type.Record(Type.String(), Type.Integer()) }, function b() {
        return documentationOnly()
      }),
      get(
        '/c/{x}',
        {
          params: Type.Object({ x: Type.Integer() }),
          response: Type.Array(Named),
          responses: { 404: { schema: Type.Array(Named) }, 400: { schema: Named } },
        },
        function c() {
          return documentationOnly()
        },
      ),
    )
    expectExact(more.paths['/a/']?.get, {
      summary: 'A',
      operationId: 'a_a__get',
      responses: {
        '200': {
          description: 'Successful Response',
          content: {
            'application/json': {
              schema: { anyOf: [{ $ref: '#/components/schemas/Item' }, { type: 'null' }], title: 'Response A A  Get' },
            },
          },
        },
      },
    })
    expectExact(more.paths['/b/']?.get, {
      summary: 'B',
      operationId: 'b_b__get',
      responses: {
        '200': {
          description: 'Successful Response',
          content: {
            'application/json': {
              schema: { additionalProperties: { type: 'integer' }, type: 'object', title: 'Response B B  Get' },
            },
          },
        },
      },
    })
    expectExact(more.paths['/c/{x}']?.get, {
      summary: 'C',
      operationId: 'c_c__x__get',
      parameters: [{ name: 'x', in: 'path', required: true, schema: { type: 'integer', title: 'X' } }],
      responses: {
        '200': {
          description: 'Successful Response',
          content: {
            'application/json': {
              schema: { type: 'array', items: { $ref: '#/components/schemas/Item' }, title: 'Response C C  X  Get' },
            },
          },
        },
        '404': {
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: { $ref: '#/components/schemas/Item' },
                title: 'Response 404 C C  X  Get',
              },
            },
          },
          description: 'Not Found',
        },
        '400': {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          description: 'Bad Request',
        },
        '422': {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
  })
})

describe('JSON Lines', () => {
  // async def export_rows(x: int) -> AsyncIterable[dict[str, int]]: FastAPI writes
  // {"application/jsonl": {"itemSchema": {..., "title": "Streamitem Export Rows Rows  X  Get"}}}; itemSchema
  // is OpenAPI 3.2 and invalid in a 3.1 document, so typefast writes the same schema as `schema`.
  test('an async generator route documents application/jsonl, its item titled as FastAPI titles it', async () => {
    const route = get(
      '/rows/{x}',
      { params: Type.Object({ x: Type.Integer() }), response: Type.Record(Type.String(), Type.Integer()) },
      async function* exportRows() {
        yield documentationOnly()
      },
    )
    const doc = documentOf(route)
    expectExact(doc.paths['/rows/{x}']?.get?.responses['200'], {
      description: 'Successful Response',
      content: {
        'application/jsonl': {
          schema: {
            type: 'object',
            additionalProperties: { type: 'integer' },
            title: 'Streamitem Export Rows Rows  X  Get',
          },
        },
      },
    })
    await expectValidOpenAPI(doc)
  })
})

describe('server-sent events', () => {
  // @app.get("/prices", response_class=EventSourceResponse) async def price_feed() -> AsyncIterable[ServerSentEvent]:
  // FastAPI writes {"text/event-stream": {"itemSchema": <the event's fields>}}; typefast the same as `schema`.
  test("mediaType 'text/event-stream' documents the fields of an event", async () => {
    const route = get('/prices', { responses: { 200: { mediaType: 'text/event-stream' } } }, function priceFeed() {
      return documentationOnly()
    })
    const doc = documentOf(route)
    expectExact(doc.paths['/prices']?.get?.responses['200'], {
      description: 'Successful Response',
      content: {
        'text/event-stream': {
          schema: {
            type: 'object',
            properties: {
              data: { type: 'string' },
              event: { type: 'string' },
              id: { type: 'string' },
              retry: { type: 'integer', minimum: 0 },
            },
          },
        },
      },
    })
    await expectValidOpenAPI(doc)
  })
})

describe('webhooks', () => {
  // @app.webhooks.post("new-subscription") def new_subscription(body: Item): """When a new user subscribes."""
  test('named by the path without its slash, and its operation id from that name', () => {
    const [hook] = sourcesOf([
      post(
        '/new-subscription',
        { body: Item, description: 'When a new user subscribes.' },
        function new_subscription() {},
      ),
    ])
    const doc = buildOpenAPIDocument([], { info, webhooks: [hook!] })
    expectExact(doc.webhooks, {
      'new-subscription': {
        post: {
          summary: 'New Subscription',
          description: 'When a new user subscribes.',
          operationId: 'new_subscriptionnew_subscription_post',
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
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
    })
  })
})
