// Start one of the matrix's apps on the runtime running this file and print `listening <url>`:
// on Node through app.listen (node:http, the fast path), on Bun and Deno through app.fetch.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface Served {
  fetch(request: Request): Promise<Response>
  listen(options: { port: number; host: string }): Promise<{ url: string }>
}

declare const Bun: { serve(options: { port: number; hostname: string; fetch: Served['fetch'] }): { port: number } }
declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen(address: { port: number }): void },
    handler: Served['fetch'],
  ): unknown
}

async function load(name: string | undefined): Promise<Served> {
  if (name === 'feature')
    return (await import('../packages/server/src/transport/fetch/fixtures/feature-app.js')).createFeatureApp()
  if (name === 'docs') return (await import('../docs/samples/runtimes/app.js')).app
  if (name === 'bench') return (await import('../apps/bench/src/app.js')).app
  if (name === 'todo') {
    const { createTodoApp } = await import('../apps/todo/src/app.js')
    const { openDatabase } = await import('../apps/todo/src/sqlite-file.js')
    const database = openDatabase(join(mkdtempSync(join(tmpdir(), 'typefast-runtimes-')), 'todo.db'))
    return createTodoApp({ database, jwtSecret: 'runtime-matrix-secret-0123456789abcdef' })
  }
  throw new Error(`serve.ts: unknown app ${name}; expected feature, bench, todo or docs`)
}

const app = await load(process.argv[2])
const hostname = '127.0.0.1'
if (typeof Bun !== 'undefined') {
  const server = Bun.serve({ port: 0, hostname, fetch: app.fetch })
  console.log(`listening http://${hostname}:${server.port}`)
} else if (typeof Deno !== 'undefined') {
  Deno.serve(
    { port: 0, hostname, onListen: ({ port }) => console.log(`listening http://${hostname}:${port}`) },
    app.fetch,
  )
} else {
  const { url } = await app.listen({ port: 0, host: hostname })
  console.log(`listening ${url}`)
}
