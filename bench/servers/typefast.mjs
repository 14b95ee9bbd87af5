// Runs a typefast app module (argv[2], exporting `app`) on 127.0.0.1:$PORT.
// Needs tsx and the source condition when the module is TypeScript, see the table in ../servers.mjs.
import { pathToFileURL } from 'node:url'

const { app } = await import(pathToFileURL(process.argv[2]).href)
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
