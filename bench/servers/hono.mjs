// Hono on @hono/node-server (the app is in hono-app.mjs).
import { serve } from '@hono/node-server'
import { app } from './hono-app.mjs'

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
