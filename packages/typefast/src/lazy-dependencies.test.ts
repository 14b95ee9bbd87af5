import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

// CommonJS dependencies that only some apps need are required on first use, so an app that does
// not use them starts faster and smaller. A fresh Node process, run as users run it, reads which
// of them are in the CommonJS module cache before and after it uses their features.

const lazy = ['undici', 'ws', 'light-my-request', '@fastify/busboy', 'mime-types']
const cwd = fileURLToPath(new URL('..', import.meta.url)) // packages/typefast: 'typefast' resolves to itself
const aFile = fileURLToPath(new URL('../package.json', import.meta.url))

const script = `
import { createRequire } from 'node:module'
import { createApp, createClient, file, t } from 'typefast'

const cache = createRequire(import.meta.url).cache
const loaded = () => ${JSON.stringify(lazy)}.filter((name) => Object.keys(cache).some((path) => path.includes('/node_modules/' + name + '/')))

const quiet = { error() {}, warn() {}, info() {} }
const app = createApp({ logger: quiet }).get('/hello', () => ({ hello: 'world' }))
const { url } = await app.listen({ port: 0, accessLog: false })
const hello = await fetch(url + '/hello')
const plain = { results: [hello.status, await hello.json()], loaded: loaded() }
await app.close()

const other = createApp({ logger: quiet })
  .post('/form', { form: t.Object({ a: t.String() }) }, ({ form }) => form)
  .get('/file', () => file(${JSON.stringify(aFile)}))
  .websocket('/echo', async ({ socket }) => socket.sendText('hi ' + (await socket.receiveText())))
const form = await other.inject({
  method: 'POST', url: '/form', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' },
})
const served = await other.inject({ url: '/file' })
const ws = await other.injectWebSocket('/echo')
ws.sendText('there')
const echoed = await ws.receiveText()
await createClient('http://127.0.0.1').close()
const features = { results: [form.json(), served.headers['content-type'], echoed], loaded: loaded() }
await other.close()
console.log(JSON.stringify({ plain, features }))
`

test('CommonJS dependencies load on first use of their feature, not at import', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@typefast/source', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd, timeout: 15_000 },
  )
  const { plain, features } = JSON.parse(stdout.trim().split('\n').at(-1)!)
  expect(plain).toEqual({ results: [200, { hello: 'world' }], loaded: [] })
  expect(features.results).toEqual([{ a: '1' }, 'application/json; charset=utf-8', 'hi there'])
  expect(features.loaded).toEqual(lazy)
})
