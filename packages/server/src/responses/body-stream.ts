import type { ServerResponse } from 'node:http'
import { pipeline, Readable } from 'node:stream'

/** What a streamed body may be made of. */
export type StreamSource = Readable | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>

/** A Node Readable for any stream source; async iterables are pulled only as the socket drains. */
export function toReadable(source: StreamSource): Readable {
  return source instanceof Readable ? source : Readable.from(source, { objectMode: false })
}

/**
 * Pipe `source` into the response with backpressure. Resolves when the body is sent, or when the
 * client went away and the source is destroyed (an async generator's `finally` has run); rejects when the
 * source fails, so the error is logged and the connection cut.
 */
export function pipeBody(res: ServerResponse, source: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    pipeline(source, res, (error) => {
      if (error === undefined || error === null) resolve()
      // The client went away: the source is being destroyed, and its end (a generator's `finally`)
      // comes before what follows the response (dependency teardown).
      else if (isPrematureClose(error)) source.closed ? resolve() : source.once('close', () => resolve())
      else reject(error)
    })
  })
}

/** A HEAD request (or a body-less status) gets the headers only: the source is released unread. */
export function discard(source: Readable): void {
  source.destroy()
}

function isPrematureClose(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE'
}

/**
 * `source` with each item mapped, forwarding `return()` straight to the source: when the client
 * disconnects and the stream is destroyed, the source's `finally` runs at once.
 */
export function mapIterable<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]()
  return {
    [Symbol.asyncIterator]() {
      return this
    },
    async next() {
      const step = await iterator.next()
      return step.done ? { done: true, value: undefined } : { done: false, value: map(step.value) }
    },
    async return() {
      await iterator.return?.()
      return { done: true, value: undefined }
    },
  }
}
