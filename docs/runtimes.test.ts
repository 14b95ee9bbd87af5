// The runtimes page's samples that run under Node: the Workers module (from the app's build) and
// the Lambda handler. bun.ts, deno.ts and worker.ts run on Bun, Deno and workerd in the runtime
// matrix (.ci/runtimes.sh, the `docs` column).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'

const docsDir = fileURLToPath(new URL('.', import.meta.url))
const cli = fileURLToPath(new URL('../packages/typefast/src/cli/main.ts', import.meta.url))

// worker.ts imports the build of app.ts, as the page says to make it.
beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      '--conditions=@typefast/source',
      '--import',
      'tsx',
      cli,
      'build',
      'samples/runtimes/app.ts',
      '--out',
      'samples/runtimes/build',
    ],
    { cwd: docsDir, stdio: 'ignore' },
  )
})

describe('runtimes', () => {
  test('worker.ts: the module default export answers fetch requests from the build', async () => {
    const worker = (await import('./samples/runtimes/worker.js')).default
    const response = await worker.fetch(new Request('https://example.workers.dev/items/3'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: 3 })
  })

  test('app.ts: server-sent events arrive as a stream', async () => {
    const { app } = await import('./samples/runtimes/app.js')
    const response = await app.fetch(new Request('http://localhost/clock'))
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(await response.text()).toBe(
      'event: tick\ndata: {"n":1}\n\nevent: tick\ndata: {"n":2}\n\nevent: tick\ndata: {"n":3}\n\n',
    )
  })

  test('lambda.ts: an API Gateway v2 event in, a payload 2.0 result out', async () => {
    const { handler } = await import('./samples/runtimes/lambda.js')
    const result = await handler({
      rawPath: '/items',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: { domainName: 'api.example.com', http: { method: 'POST' } },
      body: Buffer.from('{"name":"lamp"}').toString('base64'),
      isBase64Encoded: true,
    })
    expect(result).toMatchObject({ statusCode: 201, body: '{"name":"lamp"}', isBase64Encoded: false })
  })
})
