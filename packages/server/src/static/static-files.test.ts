import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { StaticFilesDirectoryError } from '../errors.js'
import { resolveInside, staticFiles } from './static-files.js'

const base = mkdtempSync(join(tmpdir(), 'typefast-static-'))
const publicDir = join(base, 'public')
mkdirSync(join(publicDir, 'sub'), { recursive: true })
mkdirSync(join(base, 'publicity'))
writeFileSync(join(publicDir, 'index.html'), '<h1>home</h1>')
writeFileSync(join(publicDir, 'app.js'), 'console.log(1)')
writeFileSync(join(publicDir, 'sub', 'index.html'), '<h1>sub</h1>')
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET')
writeFileSync(join(base, 'publicity', 'leak.txt'), 'TOP SECRET')
symlinkSync(join(base, 'secret.txt'), join(publicDir, 'link-out'))
symlinkSync(join(publicDir, 'app.js'), join(publicDir, 'link-in'))

const quiet = { error: () => {}, warn: () => {}, info: () => {} }
const app = createApp({ logger: quiet })
  .include(staticFiles('/static', publicDir))
  .include(staticFiles('/spa', publicDir, { fallback: 'index.html', index: false }))
  .get('/api', () => ({ api: true }))
let url: string
let port: number
let running: App<any>
beforeAll(async () => {
  running = app
  ;({ url, port } = await app.listen({ port: 0 }))
})
afterAll(() => running.close())

/** A request whose path is sent byte for byte, never normalized by a URL parser. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('staticFiles()', () => {
  test('serves files with their content type, and index.html for the folder', async () => {
    const js = await request(`${url}/static/app.js`)
    expect(js.statusCode).toBe(200)
    expect(String(js.headers['content-type'])).toMatch(/javascript/)
    expect(await js.body.text()).toBe('console.log(1)')
    expect(await (await request(`${url}/static/`)).body.text()).toBe('<h1>home</h1>')
    expect(await (await request(`${url}/static/sub/`)).body.text()).toBe('<h1>sub</h1>')
    const bare = await request(`${url}/static/sub`)
    expect(bare.statusCode).toBe(307)
    expect(bare.headers.location).toBe('/static/sub/')
    await bare.body.text()
  })

  test('a symlink to a file inside the folder is served', async () => {
    expect(await (await request(`${url}/static/link-in`)).body.text()).toBe('console.log(1)')
  })

  // Starlette's StaticFiles joins the path's non-empty parts: an empty segment names nothing.
  test('a doubled slash is the single one', async () => {
    expect(await rawGet('/static//app.js')).toMatchObject({ status: 200, body: 'console.log(1)' })
    expect(await rawGet('/static/sub//index.html')).toMatchObject({ status: 200, body: '<h1>sub</h1>' })
  })

  test('missing files answer 404, and the files are not in the OpenAPI document', async () => {
    expect((await rawGet('/static/nope.js')).status).toBe(404)
    expect(Object.keys(app.openapi().paths ?? {})).toEqual(['/api'])
  })

  test.each([
    '/static/../secret.txt',
    '/static/%2e%2e/secret.txt',
    '/static/%2E%2E/secret.txt',
    '/static/..%2fsecret.txt',
    '/static/%2e%2e%2fsecret.txt',
    '/static/sub/..%2f..%2fsecret.txt',
    '/static/sub/%2e%2e/%2e%2e/secret.txt',
    '/static/..%5csecret.txt',
    '/static/..\\secret.txt',
    '/static/%5c..%5csecret.txt',
    '/static/secret.txt%00.js',
    '/static/%00',
    '/static/%2fetc%2fpasswd',
    '/static//etc/passwd',
    '/static/../publicity/leak.txt',
    '/static/..%2fpublicity%2fleak.txt',
    '/static/link-out',
  ])('no way out of the folder: %s', async (path) => {
    const { status, body } = await rawGet(path)
    expect(body).not.toContain('TOP SECRET')
    expect([400, 404]).toContain(status)
  })

  test('the single-page-app fallback serves index.html for unknown paths, files still served', async () => {
    const deep = await rawGet('/spa/users/42/settings')
    expect(deep.status).toBe(200)
    expect(deep.body).toBe('<h1>home</h1>')
    expect((await rawGet('/spa/app.js')).body).toBe('console.log(1)')
    const escaped = await rawGet('/spa/..%2fsecret.txt')
    expect(escaped.body).toBe('<h1>home</h1>')
  })

  test('304 and ranges come with the files', async () => {
    const first = await request(`${url}/static/app.js`)
    await first.body.text()
    const again = await request(`${url}/static/app.js`, { headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)
    await again.body.text()
    const part = await request(`${url}/static/app.js`, { headers: { range: 'bytes=0-6' } })
    expect(await part.body.text()).toBe('console')
  })
})

describe('staticFiles() at declaration', () => {
  test('a folder that is missing, or a file, is a StaticFilesDirectoryError now, not a 404 per request', () => {
    expect(() => staticFiles('/static', join(base, 'missing'))).toThrow(StaticFilesDirectoryError)
    expect(() => staticFiles('/static', join(base, 'missing'))).toThrow(/missing cannot be read \(ENOENT\)/)
    expect(() => staticFiles('/static', join(base, 'secret.txt'))).toThrow(/secret\.txt is not a folder; pass a folder/)
  })
})

describe('resolveInside()', () => {
  test('rejects every decoded escape before touching the disk, and symlinks that lead out', async () => {
    const { realpathSync } = await import('node:fs')
    const root = realpathSync(publicDir)
    // Any '..' segment is refused, even one that would stay inside.
    for (const relative of [
      'sub/../app.js',
      '..',
      '../secret.txt',
      'sub/../../secret.txt',
      '..\\secret.txt',
      'app.js\0',
      '/etc/passwd',
      'link-out',
      '../publicity/leak.txt',
    ]) {
      expect(await resolveInside(root, relative)).toBeUndefined()
    }
    expect((await resolveInside(root, 'sub/index.html'))?.path).toBe(join(root, 'sub', 'index.html'))
    expect((await resolveInside(root, 'link-in'))?.path).toBe(join(root, 'app.js'))
  })
})
