import { app } from './app.js'

// bun run bun.ts
const server = Bun.serve({ port: Number(process.env.PORT ?? 8000), fetch: app.fetch })
console.log(`Listening on ${server.url}`)
