import type { WebSocket } from 'ws'

/**
 * The server side of one WebSocket, as a WebSocket handler sees it: JSON in and out, checked by the
 * route's `receive` and `send` schemas; messages can be awaited one by one (`receiveJson`) or
 * iterated (`for await (const message of socket)`).
 */
export interface WebSocketControl<In = unknown, Out = unknown> extends AsyncIterable<In> {
  /** The `ws` socket underneath. */
  readonly raw: WebSocket
  readonly isOpen: boolean
  /** Resolves with the close code and reason once the connection is closed, by either side. */
  readonly closed: Promise<{ code: number; reason: string }>
  /** The next text message; undefined once the connection is closed. */
  receiveText(): Promise<string | undefined>
  /**
   * The next message, parsed as JSON and validated by the `receive` schema; undefined once the
   * connection is closed. An invalid message closes the connection with 1008 and the errors.
   */
  receiveJson(): Promise<In | undefined>
  sendText(text: string): Promise<void>
  /** Send a value as JSON, serialized by the `send` schema (fields not in it are not sent). */
  sendJson(value: Out): Promise<void>
  close(code?: number, reason?: string): void
}
