// Every code sample of the guide is imported here and run through `app.inject`: if a page shows
// it, it compiles (tsc and vitest's typecheck include docs/) and does what the page says.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'

const docsDir = fileURLToPath(new URL('.', import.meta.url))

describe('first steps', () => {
  test('main.ts: GET / answers Hello World', async () => {
    const { app } = await import('./samples/first-steps/main.js')
    const res = await app.inject({ url: '/' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.json()).toEqual({ message: 'Hello World' })
  })

  test('main.ts: serves /openapi.json, /docs and /redoc', async () => {
    const { app } = await import('./samples/first-steps/main.js')
    const doc = (await app.inject({ url: '/openapi.json' })).json<any>()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('My first API')
    expect(doc.paths['/'].get).toMatchObject({ summary: 'Root', operationId: 'root__get' })
    for (const url of ['/docs', '/redoc']) {
      const page = await app.inject({ url })
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
    }
  })

  test('serve.ts: listens on PORT and answers over HTTP', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@typefast/source', '--import', 'tsx', 'samples/first-steps/serve.ts'],
      { cwd: docsDir, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk
          const match = /Serving on (http:\/\/\S+), docs on/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.stderr.on('data', (chunk: Buffer) => (output += chunk))
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
      })
      const res = await request(url)
      expect(res.statusCode).toBe(200)
      expect(await res.body.json()).toEqual({ message: 'Hello World' })
      const exited = once(child, 'exit')
      child.kill('SIGINT')
      await exited
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }, 60_000)

  test('routes.ts: route values and a router with a prefix', async () => {
    const { app } = await import('./samples/first-steps/routes.js')
    expect((await app.inject({ url: '/health' })).json()).toEqual({ ok: true })
    expect((await app.inject({ url: '/greetings' })).json()).toEqual(['hello', 'bonjour'])
    expect((await app.inject({ url: '/greetings/' })).json()).toEqual(['hello', 'bonjour'])
    expect((await app.inject({ url: '/greetings/fr' })).json()).toEqual({ language: 'fr' })
    const doc = app.openapi() as any
    expect(doc.paths['/greetings/{language}'].get.tags).toEqual(['greetings'])
    // Prefix + '/' is the prefix itself; the summary comes from the handler's name.
    expect(doc.paths['/greetings'].get.summary).toBe('List Greetings')
    expect(doc.paths['/health'].get.summary).toBe('Health')
  })
})

describe('path parameters', () => {
  test('plain.ts: the parameter arrives as a string', async () => {
    const { app } = await import('./samples/path-parameters/plain.js')
    expect((await app.inject({ url: '/items/foo' })).json()).toEqual({ item_id: 'foo' })
    expect((await app.inject({ url: '/items/3' })).json()).toEqual({ item_id: '3' })
  })

  test('typed.ts: parsed to an integer, 422 int_parsing otherwise', async () => {
    const { app } = await import('./samples/path-parameters/typed.js')
    expect((await app.inject({ url: '/items/3' })).json()).toEqual({ item_id: 3, next: 4 })
    const res = await app.inject({ url: '/items/foo' })
    expect(res.status).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'item_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'foo',
        },
      ],
    })
    expect((await app.inject({ url: '/items/4.2' })).json<any>().detail[0]).toMatchObject({
      type: 'int_parsing',
      input: '4.2',
    })
  })

  test('typed.ts: a trailing slash reaches the same route, no 307', async () => {
    const { app } = await import('./samples/path-parameters/typed.js')
    const res = await app.inject({ url: '/items/3/' })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ item_id: 3, next: 4 })
  })

  test('order.ts: /users/me wins over /users/{user_id} whatever the order', async () => {
    const { app } = await import('./samples/path-parameters/order.js')
    expect((await app.inject({ url: '/users/me' })).json()).toEqual({ user_id: 'the current user' })
    expect((await app.inject({ url: '/users/42' })).json()).toEqual({ user_id: '42' })
  })

  test('enum.ts: one of the values, or 422 enum', async () => {
    const { app } = await import('./samples/path-parameters/enum.js')
    expect((await app.inject({ url: '/models/alexnet' })).json()).toEqual({
      model_name: 'alexnet',
      message: 'Deep Learning FTW!',
    })
    expect((await app.inject({ url: '/models/lenet' })).json<any>().message).toBe('LeCNN all the images')
    expect((await app.inject({ url: '/models/resnet' })).json<any>().message).toBe('Have some residuals')
    const res = await app.inject({ url: '/models/foo' })
    expect(res.status).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'enum',
          loc: ['path', 'model_name'],
          msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
          input: 'foo',
          ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
        },
      ],
    })
    const doc = app.openapi() as any
    // A named enum is a component, as a str Enum is in FastAPI.
    expect(doc.paths['/models/{model_name}'].get.parameters[0].schema).toEqual({
      $ref: '#/components/schemas/ModelName',
    })
    expect(doc.components.schemas.ModelName.enum).toEqual(['alexnet', 'resnet', 'lenet'])
  })

  test('file-path.ts: {file_path:path} takes the slashes too', async () => {
    const { app } = await import('./samples/path-parameters/file-path.js')
    expect((await app.inject({ url: '/files/home/johndoe/myfile.txt' })).json()).toEqual({
      file_path: 'home/johndoe/myfile.txt',
    })
  })
})

describe('query parameters', () => {
  test('defaults.ts: defaults apply, strings are parsed to integers', async () => {
    const { app } = await import('./samples/query-parameters/defaults.js')
    expect((await app.inject({ url: '/items/' })).json()).toEqual([
      { item_name: 'Foo' },
      { item_name: 'Bar' },
      { item_name: 'Baz' },
    ])
    expect((await app.inject({ url: '/items/?skip=1&limit=1' })).json()).toEqual([{ item_name: 'Bar' }])
    expect((await app.inject({ url: '/items?skip=2' })).json()).toEqual([{ item_name: 'Baz' }])
    const res = await app.inject({ url: '/items/?limit=ten' })
    expect(res.status).toBe(422)
    expect(res.json<any>().detail[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'limit'], input: 'ten' })
  })

  test('optional.ts: optional q and a boolean flag', async () => {
    const { app } = await import('./samples/query-parameters/optional.js')
    expect((await app.inject({ url: '/items/foo' })).json()).toEqual({
      item_id: 'foo',
      description: 'This is an amazing item that has a long description',
    })
    expect((await app.inject({ url: '/items/foo?q=bar&short=1' })).json()).toEqual({ item_id: 'foo', q: 'bar' })
    for (const value of ['1', 'true', 'True', 'on', 'yes']) {
      expect((await app.inject({ url: `/items/foo?short=${value}` })).json()).toEqual({ item_id: 'foo' })
    }
    for (const value of ['0', 'false', 'off', 'no']) {
      expect((await app.inject({ url: `/items/foo?short=${value}` })).json<any>().description).toBeDefined()
    }
    const res = await app.inject({ url: '/items/foo?short=maybe' })
    expect(res.status).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'bool_parsing',
          loc: ['query', 'short'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'maybe',
        },
      ],
    })
  })

  test('required.ts: a missing required parameter is 422 missing; repeated keys make a list', async () => {
    const { app } = await import('./samples/query-parameters/required.js')
    const missing = await app.inject({ url: '/items/foo-item' })
    expect(missing.status).toBe(422)
    expect(missing.json()).toEqual({
      detail: [{ type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null }],
    })
    expect((await app.inject({ url: '/items/foo-item?needy=sooooneedy' })).json()).toEqual({
      item_id: 'foo-item',
      needy: 'sooooneedy',
      limit: null,
      tags: [],
    })
    expect((await app.inject({ url: '/items/x?needy=a&tag=red&tag=blue&limit=5' })).json()).toEqual({
      item_id: 'x',
      needy: 'a',
      limit: 5,
      tags: ['red', 'blue'],
    })
    expect((await app.inject({ url: '/items/x?needy=a&tag=red' })).json<any>().tags).toEqual(['red'])
    const big = await app.inject({ url: '/items/x?needy=a&limit=500' })
    expect(big.json<any>().detail[0]).toMatchObject({
      type: 'less_than_equal',
      loc: ['query', 'limit'],
      ctx: { le: 100 },
    })
  })
})

describe('request body', () => {
  test('create-item.ts: the body is validated and typed', async () => {
    const { app } = await import('./samples/request-body/create-item.js')
    const res = await app.inject({ method: 'POST', url: '/items/', json: { name: 'Foo', price: 50.5, tax: 2 } })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 50.5, tax: 2, price_with_tax: 52.5 })
    const bad = await app.inject({ method: 'POST', url: '/items/', json: { price: 'cheap' } })
    expect(bad.status).toBe(422)
    expect(bad.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { price: 'cheap' } },
        {
          type: 'float_parsing',
          loc: ['body', 'price'],
          msg: 'Input should be a valid number, unable to parse string as a number',
          input: 'cheap',
        },
      ],
    })
  })

  test('create-item.ts: bodies coerce as pydantic lax mode: a numeric string is a number', async () => {
    const { app } = await import('./samples/request-body/create-item.js')
    const res = await app.inject({ method: 'POST', url: '/items/', json: { name: 'Foo', price: '3' } })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 3, price_with_tax: 3 })
  })

  test('create-item.ts: malformed JSON, no body, and a wrong content type', async () => {
    const { app } = await import('./samples/request-body/create-item.js')
    const broken = await app.inject({
      method: 'POST',
      url: '/items/',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Foo",',
    })
    expect(broken.status).toBe(422)
    expect(broken.json<any>().detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error' })
    const none = await app.inject({ method: 'POST', url: '/items/' })
    expect(none.status).toBe(422)
    expect(none.json<any>().detail[0]).toMatchObject({ type: 'missing', loc: ['body'] })
    const form = await app.inject({
      method: 'POST',
      url: '/items/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Foo&price=1',
    })
    expect(form.status).toBe(415)
  })

  test('create-item.ts: the named schema is a component of the OpenAPI document', async () => {
    const { app } = await import('./samples/request-body/create-item.js')
    const doc = app.openapi() as any
    expect(doc.components.schemas.Item.required).toEqual(['name', 'price'])
    expect(doc.paths['/items/'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Item',
    })
  })

  test('body-path-query.ts: body, path and query together', async () => {
    const { app } = await import('./samples/request-body/body-path-query.js')
    const res = await app.inject({ method: 'PUT', url: '/items/5?q=hi', json: { name: 'Foo', price: 1 } })
    expect(res.json()).toEqual({ item_id: 5, name: 'Foo', price: 1, q: 'hi' })
    const bad = await app.inject({ method: 'PUT', url: '/items/x', json: { name: 'Foo' } })
    expect(bad.status).toBe(422)
    expect(bad.json<any>().detail.map((e: any) => e.loc)).toEqual([
      ['path', 'item_id'],
      ['body', 'price'],
    ])
  })
})

describe('response model and status codes', () => {
  test('filter.ts: 201, and the password does not leak', async () => {
    const { app } = await import('./samples/response-model/filter.js')
    const res = await app.inject({
      method: 'POST',
      url: '/users/',
      json: { username: 'alice', password: 'correct horse', email: 'alice@example.com' },
    })
    expect(res.status).toBe(201)
    expect(res.json()).toEqual({ username: 'alice', email: 'alice@example.com' })
    expect(res.body).not.toContain('horse')
    const bad = await app.inject({
      method: 'POST',
      url: '/users/',
      json: { username: 'a', password: 'x', email: 'nope' },
    })
    expect(bad.status).toBe(422)
    expect(bad.json<any>().detail.map((e: any) => e.loc)).toEqual([
      ['body', 'password'],
      ['body', 'email'],
    ])
  })

  test('status.ts: a schema per status code, set from the handler; 204 has no body', async () => {
    const { app } = await import('./samples/response-model/status.js')
    const found = await app.inject({ url: '/items/1' })
    expect(found.status).toBe(200)
    expect(found.json()).toEqual({ id: 1, name: 'Foo' })
    const missing = await app.inject({ url: '/items/2' })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ message: 'Item not found' })
    const deleted = await app.inject({ method: 'DELETE', url: '/items/1' })
    expect(deleted.status).toBe(204)
    expect(deleted.body).toBe('')
    expect((await app.inject({ url: '/items/1' })).status).toBe(404)
    const doc = app.openapi() as any
    expect(Object.keys(doc.paths['/items/{item_id}'].get.responses)).toEqual(expect.arrayContaining(['200', '404']))
  })
})

describe('handling errors', () => {
  test('http-exception.ts: 404 with its detail and header', async () => {
    const { app } = await import('./samples/handling-errors/http-exception.js')
    expect((await app.inject({ url: '/items/foo' })).json()).toEqual({ item: 'The Foo Wrestlers' })
    const res = await app.inject({ url: '/items/bar' })
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ detail: 'Item not found' })
    expect(res.headers['x-error']).toBe('There goes my error')
  })

  test('custom-handler.ts: an error class answered by its own handler', async () => {
    const { app } = await import('./samples/handling-errors/custom-handler.js')
    expect((await app.inject({ url: '/unicorns/sparkle' })).json()).toEqual({ unicorn_name: 'sparkle' })
    const res = await app.inject({ url: '/unicorns/yolo' })
    expect(res.status).toBe(418)
    expect(res.json()).toEqual({ message: 'Oops! yolo did something. There goes a rainbow...' })
  })

  test('validation-handler.ts: invalid input as plain text 400', async () => {
    const { app } = await import('./samples/handling-errors/validation-handler.js')
    expect((await app.inject({ url: '/items/3' })).json()).toEqual({ item_id: 3 })
    const res = await app.inject({ url: '/items/foo' })
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    expect(res.body).toBe('path.item_id: Input should be a valid integer, unable to parse string as an integer')
  })

  test('unexpected.ts: a bare 500, the error only in the log', async () => {
    const { app, logged } = await import('./samples/handling-errors/unexpected.js')
    const res = await app.inject({ url: '/boom' })
    expect(res.status).toBe(500)
    expect(res.json()).toEqual({ detail: 'Internal Server Error' })
    expect(res.body).not.toContain('hunter2')
    expect(logged).toHaveLength(1)
    expect(JSON.stringify(logged[0]!.details)).toBe(JSON.stringify(logged[0]!.details)) // serializable
    expect((logged[0]!.details as { err: Error }).err.message).toBe('database password is hunter2')
  })
})

describe('the pages', () => {
  const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md') && name !== 'README.md')
  const samplesDir = new URL('./samples/', import.meta.url)

  test('every page is listed in README.md', () => {
    const index = readFileSync(new URL('README.md', import.meta.url), 'utf8')
    for (const page of pages) expect(index).toContain(`(${page})`)
  })

  test('every sample is included verbatim in its page, and every included block is a sample', () => {
    for (const page of pages) {
      const text = readFileSync(new URL(page, import.meta.url), 'utf8')
      const dir = page.replace(/\.md$/, '')
      const samples = readdirSync(new URL(`${dir}/`, samplesDir)).filter((name) => name.endsWith('.ts'))
      expect(samples.length, page).toBeGreaterThan(0)
      const included = [...text.matchAll(/<!-- sample: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)]
      expect(included.map((m) => m[1]).sort(), page).toEqual(samples.map((name) => `samples/${dir}/${name}`).sort())
      for (const [, path, code] of included) {
        expect(code, `${page}: ${path}`).toBe(readFileSync(new URL(path!, import.meta.url), 'utf8'))
      }
    }
  })
})
