import type { WebSocketControl } from '@typefast/http'
import type { WebSocketSpec } from '@typefast/router'
import {
  compileBodyValidator,
  compileSerializer,
  type Serializer,
  type ValidationErrorItem,
} from '@typefast/validation'
import secureJson from 'secure-json-parse'
import type { RawData, WebSocket } from 'ws'

/** A message that is not JSON or does not match the route's `receive` schema. */
export class WebSocketValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[]

  constructor(errors: readonly ValidationErrorItem[]) {
    super('The WebSocket message does not match the schema')
    this.name = 'WebSocketValidationError'
    this.errors = errors
  }
}

/** Close reasons are at most 123 bytes (RFC 6455 §5.5): longer ones are cut on a character boundary. */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason
  let cut = reason.slice(0, 123)
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1)
  return cut
}

export interface CompiledMessages {
  readonly validate:
    | ((value: unknown) => { ok: true; value: unknown } | { ok: false; errors: ValidationErrorItem[] })
    | undefined
  readonly serialize: Serializer
}

export function compileMessages(schemas: Pick<WebSocketSpec, 'receive' | 'send'>): CompiledMessages {
  return {
    validate: schemas.receive && compileBodyValidator(schemas.receive),
    serialize: schemas.send ? compileSerializer(schemas.send) : (value) => JSON.stringify(value) ?? 'null',
  }
}

/** The server side of one WebSocket, on `ws`: see WebSocketControl, what a handler sees of it. */
export class WebSocketConnection<In = unknown, Out = unknown> implements WebSocketControl<In, Out> {
  readonly raw: WebSocket
  readonly #messages: CompiledMessages
  readonly #queue: RawData[] = []
  readonly #waiting: { resolve: (data: RawData | undefined) => void }[] = []
  #closed = false
  /** Resolves with the close code and reason once the connection is closed, by either side. */
  readonly closed: Promise<{ code: number; reason: string }>

  constructor(raw: WebSocket, messages: CompiledMessages) {
    this.raw = raw
    this.#messages = messages
    raw.on('message', (data) => {
      const waiter = this.#waiting.shift()
      if (waiter !== undefined) waiter.resolve(data)
      else this.#queue.push(data)
    })
    this.closed = new Promise((resolve) => {
      raw.once('close', (code, reason) => {
        this.#closed = true
        for (const waiter of this.#waiting.splice(0)) waiter.resolve(undefined)
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  get isOpen(): boolean {
    return !this.#closed && this.raw.readyState === this.raw.OPEN
  }

  #next(): Promise<RawData | undefined> {
    const queued = this.#queue.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    if (this.#closed) return Promise.resolve(undefined)
    return new Promise((resolve) => this.#waiting.push({ resolve }))
  }

  /** The next text message; undefined once the connection is closed. */
  async receiveText(): Promise<string | undefined> {
    const data = await this.#next()
    return data === undefined ? undefined : data.toString()
  }

  /**
   * The next message, parsed as JSON and validated by the `receive` schema; undefined once the
   * connection is closed. An invalid message closes the connection with 1008 and the errors.
   */
  async receiveJson(): Promise<In | undefined> {
    const text = await this.receiveText()
    if (text === undefined) return undefined
    let value: unknown
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' })
    } catch {
      throw this.#reject([{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error', input: text }])
    }
    const result = this.#messages.validate?.(value)
    if (result !== undefined && !result.ok) throw this.#reject(result.errors)
    return value as In
  }

  #reject(errors: ValidationErrorItem[]): WebSocketValidationError {
    this.close(1008, JSON.stringify(errors))
    return new WebSocketValidationError(errors)
  }

  sendText(text: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.send(text, (error) => (error ? reject(error) : resolve())))
  }

  /** Send a value as JSON, serialized by the `send` schema. */
  sendJson(value: Out): Promise<void> {
    return this.sendText(this.#messages.serialize(value))
  }

  close(code = 1000, reason = ''): void {
    if (this.raw.readyState === this.raw.CLOSED || this.raw.readyState === this.raw.CLOSING) return
    this.raw.close(code, closeReason(reason))
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<In, void, unknown> {
    for (;;) {
      const message = await this.receiveJson()
      if (message === undefined) return
      yield message
    }
  }
}
