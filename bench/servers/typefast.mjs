// Runs a typefast app module (argv[2], exporting `app`) on 127.0.0.1:$PORT.
// The table in ../servers.mjs runs the built JavaScript (apps/bench/dist, after `pnpm build`) with plain node;
// a TypeScript module would need `--conditions=@typefast/source --import tsx`.
import { pathToFileURL } from 'node:url'

const { app } = await import(pathToFileURL(process.argv[2]).href)
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
