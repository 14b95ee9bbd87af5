import type WebSocket from 'ws'
import { lazyRequire } from '../lazy-require.js'

// Required on first use: start-up time and RSS of apps that never call app.injectWebSocket.
const loadWs = lazyRequire<typeof import('ws', { with: { 'resolution-mode': 'require' }})>('ws')

/** A WebSocket test client (`app.injectWebSocket`): JSON in and out, the close code and reason. */
export class TestWebSocket {
  readonly raw: WebSocket
  readonly #queue: string[] = []
  readonly #waiting: ((message: string | undefined) => void)[] = []
  /** Resolves with the close code and reason once the connection is closed. */
  readonly closed: Promise<{ code: number; reason: string }>

  private constructor(raw: WebSocket) {
    this.raw = raw
    raw.on('message', (data) => {
      const text = data.toString()
      const waiter = this.#waiting.shift()
      if (waiter !== undefined) waiter(text)
      else this.#queue.push(text)
    })
    this.closed = new Promise((resolve) => {
      raw.once('close', (code, reason) => {
        for (const waiter of this.#waiting.splice(0)) waiter(undefined)
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  /** Open a connection; rejects with the HTTP status when the server refuses the upgrade. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<TestWebSocket> {
    const raw = new (loadWs())(url, { headers })
    const client = new TestWebSocket(raw)
    return new Promise((resolve, reject) => {
      raw.once('open', () => resolve(client))
      raw.once('unexpected-response', (_req, res) => {
        reject(new Error(`WebSocket upgrade refused with status ${res.statusCode}`))
        raw.terminate()
      })
      raw.once('error', reject)
    })
  }

  /** The next text message; undefined once the connection is closed. */
  receiveText(): Promise<string | undefined> {
    const queued = this.#queue.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    if (this.raw.readyState === loadWs().CLOSED) return Promise.resolve(undefined)
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  async receiveJson<T = unknown>(): Promise<T | undefined> {
    const text = await this.receiveText()
    return text === undefined ? undefined : (JSON.parse(text) as T)
  }

  sendText(text: string): void {
    this.raw.send(text)
  }

  sendJson(value: unknown): void {
    this.raw.send(JSON.stringify(value))
  }

  close(code = 1000, reason = ''): Promise<{ code: number; reason: string }> {
    this.raw.close(code, reason)
    return this.closed
  }
}
