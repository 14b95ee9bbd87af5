// @typefast/client alone, typed by an openapi-typescript style `paths`, against a running app.
import { createClient } from '@typefast/client'

interface paths {
  '/items/{item_id}': {
    get: {
      parameters: { query?: { q?: string }; path: { item_id: number } }
      responses: { 200: { content: { 'application/json': { item_id: number; q?: string } } } }
    }
  }
}

const client = createClient<paths>(process.argv[2] ?? 'http://127.0.0.1:8000')
const r = await client.get('/items/{item_id}', { params: { item_id: 7 }, query: { q: 'x' } })
await client.close()
const ok = r.status === 200 && r.data.item_id === 7 && r.data.q === 'x'
process.stdout.write(`${JSON.stringify({ ok, status: r.status, data: r.data })}\n`)
process.exit(ok ? 0 : 1)
