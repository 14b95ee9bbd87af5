import type { IncomingMessage, RequestListener } from 'node:http'
import type { Duplex } from 'node:stream'
import { HttpServer, type HttpServerOptions, type Listening, type ListenOptions } from '../transport/http-server.js'
import type { UpgradeHandler } from '../websocket/websocket-routes.js'

/**
 * The node:http servers an app runs: the one `listen()` starts, and the private one on a free port
 * that `injectWebSocket()` connects its test clients to. Both hand WebSocket upgrades to the
 * app's compiled upgrade handler, and a path without one gets 404.
 */
export class NodeServers {
  readonly #handler: RequestListener
  readonly #upgrade: () => UpgradeHandler | undefined
  #server: HttpServer | undefined
  #testUrl: Promise<{ server: HttpServer; url: string }> | undefined

  constructor(handler: RequestListener, upgrade: () => UpgradeHandler | undefined) {
    this.#handler = handler
    this.#upgrade = upgrade
  }

  readonly #onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const upgrade = this.#upgrade()
    if (upgrade !== undefined) upgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  }

  listen(options: HttpServerOptions & ListenOptions): Promise<Listening> {
    this.#server = new HttpServer(this.#handler, { ...options, onUpgrade: this.#onUpgrade })
    return this.#server.listen(options)
  }

  /** The base URL of the private test server, started on first use. */
  async testUrl(): Promise<string> {
    this.#testUrl ??= (async () => {
      const server = new HttpServer(this.#handler, { accessLog: false, onUpgrade: this.#onUpgrade })
      const { url } = await server.listen({ port: 0 })
      return { server, url }
    })()
    return (await this.#testUrl).url
  }

  /** Stop both, finishing the requests in flight. */
  async close(): Promise<void> {
    const server = this.#server
    const test = this.#testUrl
    this.#server = undefined
    this.#testUrl = undefined
    if (server) await server.close()
    if (test) await (await test).server.close()
  }
}
