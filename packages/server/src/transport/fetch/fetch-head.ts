import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { HTTPException } from '../../exceptions/http-exception.js'
import { readBody } from '../../pipeline/body.js'
import { FetchIncomingMessage, type FetchSocket, nodeHeaders, pathAndQuery } from './fetch-request.js'
import { lazyNodeHeaders } from './lazy-headers.js'

const noBody = Buffer.alloc(0)

/**
 * A web `Request` as the pipeline reads a node request (method, url, headers), with no stream
 * behind it: app.fetch's direct path. Headers are converted only as read; the body is read
 * whole with the web API when a route asks for it, within the body limit. Code that asks for the
 * raw node request (`request.raw`) gets a `FetchIncomingMessage`, made then, which the body is
 * then read from.
 */
export class FetchRequestHead {
  readonly method: string
  url: string
  /** Set by app.fetch on a platform that ends a request with its response: takes the after-response work. */
  afterResponse: ((work: void | Promise<void>) => void) | undefined = undefined
  readonly #request: Request
  #headers: IncomingHttpHeaders | undefined
  #rawHeaders: string[] | undefined
  #node: FetchIncomingMessage | undefined

  constructor(request: Request) {
    this.#request = request
    this.method = request.method
    this.url = pathAndQuery(request.url)
  }

  get headers(): IncomingHttpHeaders {
    this.#headers ??= lazyNodeHeaders(this.#request.headers)
    return this.#headers
  }

  get rawHeaders(): string[] {
    this.#rawHeaders ??= nodeHeaders(this.#request.headers).rawHeaders
    return this.#rawHeaders
  }

  get socket(): FetchSocket {
    return { encrypted: this.#request.url.startsWith('https:') }
  }

  /** The request as a node stream, for code that reads the raw node request; made once, on first use. */
  node(): FetchIncomingMessage {
    if (this.#node === undefined) {
      this.#node = new FetchIncomingMessage(this.#request)
      this.#node.url = this.url
    }
    return this.#node
  }

  /** The whole body (the pipeline's `readBody`): a 413 once it is known to be over `limit` bytes. */
  readWhole(limit: number): Promise<Buffer> {
    if (this.#node !== undefined) return readBody(this.#node as unknown as IncomingMessage, limit)
    const declared = this.headers['content-length']
    if (declared !== undefined && Number(declared) > limit) return Promise.reject(new HTTPException(413))
    // A declared length is the platform's framing: the bytes are read at once (Bun and Deno do it
    // natively). Without one (a chunked body, a streamed Request), they are counted as they come.
    if (declared !== undefined) return this.#request.arrayBuffer().then((bytes) => withinLimit(bytes, limit))
    const body = this.#request.body
    return body === null ? Promise.resolve(noBody) : readCounted(body.getReader(), limit)
  }
}

function withinLimit(bytes: ArrayBuffer, limit: number): Buffer {
  if (bytes.byteLength > limit) throw new HTTPException(413)
  return Buffer.from(bytes)
}

async function readCounted(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    received += value.byteLength
    if (received > limit) {
      void reader.cancel().catch(() => undefined)
      throw new HTTPException(413)
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))
  }
}
