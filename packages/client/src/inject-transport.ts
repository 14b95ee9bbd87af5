import { BufferedBody } from './buffered-body.js'
import { toHeaders } from './node-headers.js'
import type { IncomingResponse, OutgoingRequest, Transport } from './transport.js'

/** What the test client needs of an app: typefast's App has it, so has anything shaped like it. */
export interface InjectableApp {
  inject(options: { method?: string; url: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{
    status: number
    headers: Record<string, string | string[] | number | undefined>
    body: string
  }>
}

/** Requests through `app.inject`: the app's own request path, with no socket. */
export class InjectTransport implements Transport {
  readonly #app: InjectableApp
  readonly #before: () => Promise<void>

  /** `before` runs ahead of every request (the test client starts the lifespan there). */
  constructor(app: InjectableApp, before: () => Promise<void> = async () => {}) {
    this.#app = app
    this.#before = before
  }

  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    request.signal?.throwIfAborted()
    await this.#before()
    const headers = flatHeaders(request.headers)
    const body = await injectBody(request.body, headers)
    const sent = this.#app.inject({ method: request.method, url: request.path, headers, body })
    const response = await (request.signal ? abortable(sent, request.signal) : sent)
    return {
      status: response.status,
      headers: toHeaders(response.headers),
      body: new BufferedBody(Buffer.from(response.body)),
    }
  }

  async close(): Promise<void> {}
}

function flatHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value
  }
  return flat
}

/** inject takes a string or a Buffer: forms are encoded (multipart by the platform), streams collected. */
async function injectBody(
  body: OutgoingRequest['body'],
  headers: Record<string, string>,
): Promise<string | Buffer | undefined> {
  if (body === undefined || typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body)
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
    return body.toString()
  }
  if (body instanceof FormData) {
    const encoded = new Response(body)
    headers['content-type'] ??= encoded.headers.get('content-type') ?? 'multipart/form-data'
    return Buffer.from(await encoded.arrayBuffer())
  }
  const chunks: Uint8Array[] = []
  for await (const chunk of body) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** In-process work cannot be cancelled, but the caller stops waiting for it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
