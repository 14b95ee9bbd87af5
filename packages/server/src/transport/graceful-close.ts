import { type IncomingMessage, type Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from '../logging/logger.js'

// The graceful close of a node:http server. Node's own close() destroys idle keep-alive
// connections at once, and answers already being prepared still say `connection: keep-alive`, so
// a client reuses a connection the server is about to cut and its next request is reset. Here,
// once closing starts: every answer written says `connection: close` and ends its connection;
// a connection idle across two sweeps (no request began in between) is closed; at the deadline
// whatever is left is cut, and said so in the log.

const kKeepAlive = Symbol('typefast.keepAlive')
type KeepAliveState = { [kKeepAlive]: boolean }

/** How often idle connections are looked at while closing; one idle over two looks is closed. */
const sweepMs = 100

/**
 * A ServerResponse class whose keep-alive is off once `closing()` is true, for answers already
 * in progress too: node reads `shouldKeepAlive` when it writes the head, and ends the connection
 * after an answer that said `connection: close`.
 */
export function closingAwareResponse(closing: () => boolean): typeof ServerResponse {
  class ClosingAwareResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
  Object.defineProperty(ClosingAwareResponse.prototype, 'shouldKeepAlive', {
    get(this: KeepAliveState) {
      return this[kKeepAlive] && !closing()
    },
    set(this: KeepAliveState, value: boolean) {
      this[kKeepAlive] = value
    },
  })
  return ClosingAwareResponse as typeof ServerResponse
}

/** The connections of a server, to close the idle ones gracefully. */
export class ConnectionTracker {
  readonly #sockets = new Set<Socket>()
  /** Sockets seen idle at the last sweep, with no request begun since. */
  readonly #idle = new Set<Socket>()

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket)
      socket.once('close', () => {
        this.#sockets.delete(socket)
        this.#idle.delete(socket)
      })
    })
  }

  /** A request began on `socket`: it is not idle. Called only while closing. */
  busy(socket: Socket): void {
    this.#idle.delete(socket)
  }

  /** Close the connections idle now and at the previous sweep. */
  sweep(): void {
    for (const socket of this.#sockets) {
      // node sets `_httpMessage` to the answer a connection is writing (its own closeIdleConnections reads it)
      if ((socket as { _httpMessage?: unknown })._httpMessage != null) this.#idle.delete(socket)
      else if (this.#idle.has(socket)) socket.destroy()
      else this.#idle.add(socket)
    }
  }

  get size(): number {
    return this.#sockets.size
  }
}

/**
 * Stop accepting and drain: resolves once every connection has closed. `markClosing` is called
 * first, so that answers written from then on say `connection: close`.
 */
export function drainServer(
  server: Server,
  connections: ConnectionTracker,
  { shutdownTimeout, logger }: { shutdownTimeout: number; logger: Logger | undefined },
): Promise<void> {
  logger?.info(
    { connections: connections.size, shutdownTimeout },
    `shutting down: draining ${connections.size} connections, cut after ${shutdownTimeout || 'no'} ms`,
  )
  // node's close() would destroy the idle connections at once; the sweep closes them instead.
  server.closeIdleConnections = () => {}
  const sweep = setInterval(() => connections.sweep(), sweepMs)
  connections.sweep()
  const deadline =
    shutdownTimeout > 0
      ? setTimeout(() => {
          logger?.warn(
            { connections: connections.size, shutdownTimeout },
            `shutdown deadline of ${shutdownTimeout} ms passed: cutting ${connections.size} connections`,
          )
          server.closeAllConnections()
        }, shutdownTimeout)
      : undefined
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
  }).finally(() => {
    clearInterval(sweep)
    clearTimeout(deadline)
  })
}
