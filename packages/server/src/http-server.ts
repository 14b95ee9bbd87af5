import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ListenOptions {
  /** Default 8000, as uvicorn; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
}

export interface Listening {
  url: string
  port: number
}

/** A node:http server that can stop gracefully: no new connections, requests in flight finished. */
export class HttpServer {
  readonly #server: Server
  #closing = false

  constructor(listener: RequestListener) {
    this.#server = createServer((req, res) => {
      // While closing, answer what is in flight and close each connection after its response.
      if (this.#closing) res.shouldKeepAlive = false
      listener(req, res)
    })
  }

  listen({ port = 8000, host = '127.0.0.1' }: ListenOptions = {}): Promise<Listening> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject)
        const address = this.#server.address() as AddressInfo
        const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
        resolve({ url: `http://${shownHost}:${address.port}`, port: address.port })
      })
    })
  }

  /** Stop accepting, let the requests in flight finish, then resolve. */
  close(): Promise<void> {
    this.#closing = true
    // A keep-alive connection busy now turns idle after its response: close those as they do.
    const sweep = setInterval(() => this.#server.closeIdleConnections(), 20)
    return new Promise<void>((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()))
      this.#server.closeIdleConnections()
    }).finally(() => clearInterval(sweep))
  }
}
