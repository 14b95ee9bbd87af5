import { fileURLToPath } from 'node:url'
import { createApp, staticFiles } from 'typefast'

const publicDir = fileURLToPath(new URL('./public', import.meta.url))

export const app = createApp()
  .get('/api/health', function health() {
    return { ok: true }
  })
  // /static/app.js, /static/ (index.html); nothing outside ./public is reachable.
  .include(staticFiles('/static', publicDir))
  // A single-page app: unknown paths get index.html, so the client-side router takes over.
  .include(staticFiles('/app', publicDir, { fallback: 'index.html' }))
