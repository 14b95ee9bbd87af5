// The samples of the OpenAPI pages (metadata-and-tags.md, additional-responses.md, docs-ui.md),
// imported and run: each does what its page says. samples.test.ts checks every page's includes too.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const PAGES = ['metadata-and-tags.md', 'additional-responses.md', 'docs-ui.md']

describe('the pages', () => {
  test.each(PAGES)('%s includes each of its samples verbatim, and is listed in README.md', (page) => {
    const text = readFileSync(new URL(page, import.meta.url), 'utf8')
    const dir = page.replace(/\.md$/, '')
    const samples = readdirSync(new URL(`samples/${dir}/`, import.meta.url)).filter((name) => name.endsWith('.ts'))
    const included = [...text.matchAll(/<!-- sample: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)]
    expect(included.map((m) => m[1]).sort()).toEqual(samples.map((name) => `samples/${dir}/${name}`).sort())
    for (const [, path, code] of included) {
      expect(code, path).toBe(readFileSync(new URL(path!, import.meta.url), 'utf8'))
    }
    expect(readFileSync(new URL('README.md', import.meta.url), 'utf8')).toContain(`(${page})`)
  })
})

describe('metadata and tags', () => {
  test('metadata.ts: info and servers, as the page shows them, first in the document', async () => {
    const { app } = await import('./samples/metadata-and-tags/metadata.js')
    const res = await app.inject({ url: '/openapi.json' })
    const doc = res.json<any>()
    expect(Object.keys(doc).slice(0, 4)).toEqual(['openapi', 'info', 'servers', 'paths'])
    expect(doc.info).toEqual({
      title: 'ChimichangApp',
      version: '0.0.1',
      summary: "Deadpool's favorite app. Nuff said.",
      description:
        'ChimichangApp API helps you do awesome stuff. 🚀\n\n## Users\n\nYou will be able to **create** and **read** users.',
      termsOfService: 'http://example.com/terms/',
      contact: {
        name: 'Deadpoolio the Amazing',
        url: 'http://x-force.example.com/contact/',
        email: 'dp@x-force.example.com',
      },
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
    })
    expect(doc.servers).toEqual([
      { url: 'https://stag.example.com', description: 'Staging environment' },
      { url: 'https://prod.example.com', description: 'Production environment' },
    ])
    // Built once: the same bytes every time, and app.openapi() is that document.
    expect((await app.inject({ url: '/openapi.json' })).body).toBe(res.body)
    expect(app.openapi()).toEqual(doc)
    expect((await app.inject({ url: '/items/' })).json()).toEqual([{ name: 'Katana' }])
  })

  test('tags.ts: tags with metadata in order, summaries, operationId, deprecated, a hidden route', async () => {
    const { app } = await import('./samples/metadata-and-tags/tags.js')
    const doc = app.openapi() as any
    expect(doc.tags).toEqual([
      { name: 'users', description: 'Operations with users. The **login** logic is also here.' },
      {
        name: 'items',
        description: 'Manage items. So _fancy_ they have their own docs.',
        externalDocs: { description: 'Items external docs', url: 'https://example.com/items' },
      },
    ])
    expect(Object.keys(doc.paths)).toEqual(['/users', '/items', '/items/legacy', '/health'])
    expect(doc.paths['/users'].get).toMatchObject({ tags: ['users'], summary: 'Get Users' })
    expect(doc.paths['/items'].get).toMatchObject({
      tags: ['items'],
      summary: 'Get Items',
      operationId: 'get_items_items_get',
    })
    expect(doc.paths['/items/legacy'].get).toMatchObject({
      tags: ['items'],
      summary: 'Items, the old way',
      description: 'Use `GET /items` instead.',
      operationId: 'get_legacy_items_items_legacy_get',
      deprecated: true,
    })
    // An anonymous handler: no summary; the explicit operationId.
    expect(doc.paths['/health'].get.tags).toEqual(['ops'])
    expect(doc.paths['/health'].get.operationId).toBe('health')
    expect(doc.paths['/health'].get.summary).toBe('Health')
    // Deprecated and hidden routes still answer.
    expect((await app.inject({ url: '/items/legacy' })).json()).toEqual([])
    expect((await app.inject({ url: '/internal/metrics' })).json()).toEqual({ requests: 0 })
    expect(JSON.stringify(doc)).not.toContain('/internal')
    expect(JSON.stringify(doc)).not.toContain('/openapi.json')
  })
})

describe('additional responses', () => {
  test('extra.ts: the answers the page lists', async () => {
    const { app } = await import('./samples/additional-responses/extra.js')
    const foo = await app.inject({ url: '/items/foo' })
    expect([foo.status, foo.json()]).toEqual([200, { id: 'foo', value: 'there goes my hero' }])
    const bar = await app.inject({ url: '/items/bar' })
    expect([bar.status, bar.json()]).toEqual([404, { message: 'Item not found' }])
    const secret = await app.inject({ url: '/items/secret' })
    expect([secret.status, secret.json()]).toEqual([403, { detail: 'Not yours' }])
  })

  test("extra.ts: the page's table of documented responses", async () => {
    const { app } = await import('./samples/additional-responses/extra.js')
    const responses = (app.openapi() as any).paths['/items/{item_id}'].get.responses
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
    expect(responses).toEqual({
      200: { description: 'The item, found by its id', content: { 'application/json': { schema: ref('Item') } } },
      403: { description: 'Forbidden' },
      404: { description: 'The item was not found', content: { 'application/json': { schema: ref('Message') } } },
      422: { description: 'Validation Error', content: { 'application/json': { schema: ref('HTTPValidationError') } } },
    })
    expect(Object.keys((app.openapi() as any).components.schemas).sort()).toEqual([
      'HTTPValidationError',
      'Item',
      'Message',
      'ValidationError',
    ])
  })

  test("router.ts: the router's responses on every route, merged with the route's", async () => {
    const { app } = await import('./samples/additional-responses/router.js')
    const item = (app.openapi() as any).paths['/items/{item_id}']
    const described = (responses: Record<string, { description: string }>) =>
      Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, r.description]))
    expect(described(item.get.responses)).toEqual({
      200: 'Successful Response',
      404: 'Not found',
      422: 'Validation Error',
    })
    expect(described(item.put.responses)).toEqual({
      201: 'Item replaced',
      403: 'Operation forbidden',
      404: 'Not found',
      422: 'Validation Error',
    })
    expect(item.get.responses['404']).not.toHaveProperty('content')
    const put = await app.inject({ method: 'PUT', url: '/items/foo', json: { name: 'Bar' } })
    expect([put.status, put.json()]).toEqual([201, { item_id: 'foo', name: 'Bar' }])
    expect((await app.inject({ url: '/items/foo' })).json()).toEqual({ name: 'Fake Specific Item', item_id: 'foo' })
  })
})

/** The src and href of every script, stylesheet and icon of a page. */
const assetUrls = (page: string) => [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)

describe('the docs UIs', () => {
  test('the default pages, offline: every asset from /docs-assets, cached, nothing else served', async () => {
    const { app } = await import('./samples/first-steps/main.js')
    for (const url of ['/docs', '/redoc']) {
      const page = (await app.inject({ url })).body
      expect(page).not.toMatch(/(https?:)?\/\/[a-z]/i)
      for (const asset of assetUrls(page)) {
        expect(asset).toMatch(/^\/docs-assets\//)
        const res = await app.inject({ url: asset })
        expect(res.status, asset).toBe(200)
        expect(res.headers['cache-control']).toBe('public, max-age=86400')
      }
    }
    expect((await app.inject({ url: '/docs-assets/redoc.standalone.js' })).body).not.toContain('cdn.redoc.ly')
    expect((await app.inject({ url: '/docs/oauth2-redirect' })).status).toBe(200)
    expect((await app.inject({ url: '/docs-assets/index.html' })).status).toBe(404)
  })

  test('urls.ts: the document, Swagger UI and the assets moved; ReDoc off', async () => {
    const { app } = await import('./samples/docs-ui/urls.js')
    const status = async (url: string) => (await app.inject({ url })).status
    expect(await status('/api/v1/openapi.json')).toBe(200)
    expect(await status('/documentation')).toBe(200)
    expect(await status('/static/docs/swagger-ui-bundle.js')).toBe(200)
    for (const gone of ['/openapi.json', '/docs', '/redoc', '/api/v1/redoc', '/docs-assets/swagger-ui-bundle.js']) {
      expect(await status(gone), gone).toBe(404)
    }
    const page = (await app.inject({ url: '/documentation' })).body
    expect(page).toContain('"url":"/api/v1/openapi.json"')
    expect(assetUrls(page).every((url) => url.startsWith('/static/docs/'))).toBe(true)
  })

  test('production.ts: everything off in production, on elsewhere; app.openapi() still works', async () => {
    const { createPrivateApp } = await import('./samples/docs-ui/production.js')
    const urls = ['/openapi.json', '/docs', '/redoc', '/docs/oauth2-redirect', '/docs-assets/swagger-ui.css']
    const statuses = async (app: ReturnType<typeof createPrivateApp>) =>
      Promise.all(urls.map(async (url) => (await app.inject({ url })).status))
    const production = createPrivateApp('production')
    expect(await statuses(production)).toEqual([404, 404, 404, 404, 404])
    expect((await production.inject({ url: '/items/' })).json()).toEqual([{ name: 'Foo' }])
    expect(Object.keys(production.openapi().paths)).toEqual(['/items/'])
    expect(await statuses(createPrivateApp('development'))).toEqual([200, 200, 200, 200, 200])
  })

  test('swagger-parameters.ts: the parameters reach SwaggerUIBundle over the defaults', async () => {
    const { app } = await import('./samples/docs-ui/swagger-parameters.js')
    const page = (await app.inject({ url: '/docs' })).body
    const config = JSON.parse(/const config = (.*)\n/.exec(page)![1]!)
    expect(config).toEqual({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      layout: 'BaseLayout',
      deepLinking: false,
      showExtensions: true,
      showCommonExtensions: true,
      syntaxHighlight: { theme: 'obsidian' },
      defaultModelsExpandDepth: -1,
      tryItOutEnabled: true,
    })
    expect((await app.inject({ url: '/users/alice' })).json()).toEqual({ message: 'Hello alice' })
  })
})
