import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the echo server saw of a request. */
export interface Echo {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Answers by path: /text, /empty, /bad-json, /slow, /stream; anything else echoes the request as JSON. */
function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? '/').split('?')[0]
  if (path === '/text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('hello')
  if (path === '/empty') return void res.writeHead(204).end()
  if (path === '/bad-json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{nope')
  if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2_000)
  if (path === '/stream') {
    res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] })
    res.write('one,')
    setTimeout(() => res.end('two'), 20)
    return
  }
  const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
  res.writeHead(path === '/missing' ? 404 : 200, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(echo))
}

/** A plain node:http server for the socket client's tests (no typefast needed). */
export async function startEchoServer(): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
