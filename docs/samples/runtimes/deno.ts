import { app } from './app.js'

// deno run --allow-net --allow-env --allow-read --allow-sys deno.ts
Deno.serve(
  {
    port: Number(process.env.PORT ?? 8000),
    onListen: ({ port }) => console.log(`Listening on http://localhost:${port}/`),
  },
  app.fetch,
)
