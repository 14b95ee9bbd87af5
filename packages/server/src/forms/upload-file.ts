import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { type TSchema, t } from '@typefast/validation'

/**
 * A file received in a multipart form. Small files are held in memory; larger ones were spilled
 * to a temporary file, which is removed once the response has been sent: read it in the handler.
 */
export class UploadFile {
  readonly fieldName: string
  /** The name the client gave (never a path on this machine: trust it no further than that). */
  readonly filename: string
  readonly contentType: string
  readonly size: number
  readonly #buffer: Buffer | undefined
  /** The temporary file holding the content, when it was too large for memory. */
  readonly path: string | undefined

  constructor(
    fieldName: string,
    filename: string,
    contentType: string,
    size: number,
    content: { buffer: Buffer } | { path: string },
  ) {
    this.fieldName = fieldName
    this.filename = filename
    this.contentType = contentType
    this.size = size
    this.#buffer = 'buffer' in content ? content.buffer : undefined
    this.path = 'path' in content ? content.path : undefined
  }

  /** The content as a stream, read from memory or from the temporary file. */
  stream(): Readable {
    return this.path !== undefined ? createReadStream(this.path) : Readable.from([this.#buffer!])
  }

  async bytes(): Promise<Buffer> {
    return this.path !== undefined ? readFile(this.path) : this.#buffer!
  }

  async text(encoding: BufferEncoding = 'utf8'): Promise<string> {
    return (await this.bytes()).toString(encoding)
  }

  toJSON(): object {
    return { filename: this.filename, contentType: this.contentType, size: this.size }
  }
}

/** The marker typefast reads at start-up to know a form field is a file. */
const fileFormat = 'binary'

/**
 * The schema of a file field in a `form`: its value is an `UploadFile`; documented in OpenAPI as
 * `{ type: 'string', format: 'binary' }`. `t.Array(uploadFile())` accepts several files.
 */
export function uploadFile(options: { description?: string } = {}) {
  return t.Unsafe<UploadFile>({ type: 'string', format: fileFormat, ...options })
}

export function isFileSchema(schema: TSchema | undefined): boolean {
  const s = schema as { type?: unknown; format?: unknown } | undefined
  return s?.type === 'string' && s.format === fileFormat
}
