import type { RawBody } from './response.js'

/** A RawBody over bytes already in memory (the in-process test client's responses). */
export class BufferedBody implements RawBody {
  readonly #bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.#bytes)
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text())
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer as ArrayBuffer
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#bytes.length > 0) yield this.#bytes
  }
}
