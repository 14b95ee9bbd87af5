// Serves the `app` of a module (argv[2]) through its web-standard fetch handler on 127.0.0.1:$PORT, with the
// runtime's own server: Bun.serve on Bun, Deno.serve on Deno. For typefast, that is `app.fetch`; for Hono, the same.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const { app } = await import(pathToFileURL(resolve(process.argv[2])).href)
const port = Number(process.env.PORT)
const hostname = '127.0.0.1'
if (typeof Bun !== 'undefined') Bun.serve({ port, hostname, fetch: app.fetch })
else if (typeof Deno !== 'undefined') Deno.serve({ port, hostname, onListen() {} }, app.fetch)
else throw new Error('fetch-serve.mjs runs on Bun or Deno')
