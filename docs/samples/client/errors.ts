import { createClient, ResponseParseError } from '@typefast/client'
import type { app } from './app.js'

export async function report(baseUrl: string, options: { delayMs: number; signal?: AbortSignal }) {
  await using client = createClient<typeof app>(baseUrl, {
    connectTimeout: 2_000, // to open a connection
    headersTimeout: 10_000, // default for every call: until the response headers arrive
  })
  try {
    const r = await client.get('/report', {
      query: { delay_ms: options.delayMs },
      timeout: 500, // this call only
      ...(options.signal ? { signal: options.signal } : {}),
    })
    return r.status === 200 ? `total: ${JSON.stringify(r.data)}` : `status ${r.status}`
  } catch (error) {
    // Any status is a result; only the transport throws.
    if (error instanceof ResponseParseError) return 'the body was not the JSON it claimed to be'
    const { name, code } = error as { name?: string; code?: string }
    if (code === 'UND_ERR_HEADERS_TIMEOUT') return 'timed out'
    if (name === 'AbortError') return 'aborted'
    if (code === 'ECONNREFUSED') return 'the service is down'
    throw error
  }
}
