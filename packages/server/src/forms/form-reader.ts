import { randomUUID } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { BusboyFileStream, BusboyInstance } from '@fastify/busboy'
import { HTTPException } from '../exceptions/http-exception.js'
import { lazyRequire } from '../lazy-require.js'
import type { ResolvedFormLimits } from './form-limits.js'
import { UploadFile } from './upload-file.js'

// Required on first use: start-up time and RSS of apps that read no form bodies.
const loadBusboy = lazyRequire<typeof import('@fastify/busboy')>('@fastify/busboy')

/** A form as received: text fields (repeated names as arrays) and files by field name. */
export interface RawForm {
  readonly fields: Record<string, string | string[]>
  readonly files: Record<string, UploadFile[]>
  /** Text given where a file was expected is kept apart from the files. */
  readonly tempFiles: string[]
}

const formType = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\s*(?:;|$)/i

/** Remove the temporary files a form spilled to disk. */
export async function removeTempFiles(form: RawForm): Promise<void> {
  await Promise.all(form.tempFiles.map((path) => rm(path, { force: true })))
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name]
  if (existing === undefined) fields[name] = value
  else if (Array.isArray(existing)) existing.push(value)
  else fields[name] = [existing, value]
}

/** Hold a file in memory, moving it to a temporary file once it passes the spill threshold. */
function collectFile(
  name: string,
  stream: BusboyFileStream,
  filename: string,
  contentType: string,
  limits: ResolvedFormLimits,
  tempFiles: string[],
): Promise<UploadFile | 'too-large'> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = []
    let size = 0
    let writer: WriteStream | undefined
    let path: string | undefined
    let tooLarge = false
    stream.on('limit', () => {
      tooLarge = true
    })
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (tooLarge) return
      if (writer === undefined && size > limits.spillThreshold) {
        path = join(limits.tempDir, `typefast-upload-${randomUUID()}`)
        tempFiles.push(path)
        writer = createWriteStream(path)
        writer.on('error', reject)
        for (const held of chunks) writer.write(held)
        chunks = []
      }
      if (writer === undefined) chunks.push(chunk)
      else if (!writer.write(chunk)) {
        stream.pause()
        writer.once('drain', () => stream.resume())
      }
    })
    stream.on('error', reject)
    stream.on('end', () => {
      if (tooLarge) {
        writer?.destroy()
        resolve('too-large')
      } else if (writer === undefined) {
        resolve(new UploadFile(name, filename, contentType, size, { buffer: Buffer.concat(chunks) }))
      } else {
        writer.end(() => resolve(new UploadFile(name, filename, contentType, size, { path: path! })))
      }
    })
  })
}

/**
 * Read an urlencoded or multipart body with busboy, within `limits`. Rejects with an
 * HTTPException (415, 413 or 400) and removes what it spilled to disk.
 */
export function readForm(req: IncomingMessage, limits: ResolvedFormLimits): Promise<RawForm> {
  const contentType = req.headers['content-type']
  const form: RawForm = { fields: {}, files: {}, tempFiles: [] }
  if (contentType === undefined || contentType === '') {
    // No content type: an empty form, whatever was sent (FastAPI's answer: the required fields 422).
    req.resume()
    return Promise.resolve(form)
  }
  if (!formType.test(contentType)) {
    req.resume()
    return Promise.reject(new HTTPException(415, 'Unsupported Media Type'))
  }
  return new Promise((resolve, reject) => {
    let failed = false
    const pending: Promise<void>[] = []
    const fail = (error: HTTPException) => {
      if (failed) return
      failed = true
      req.unpipe(parser)
      req.resume() // drain, so the connection can still carry the answer
      void removeTempFiles(form).finally(() => reject(error))
    }
    let parser: BusboyInstance
    try {
      parser = new (loadBusboy().Busboy)({
        headers: req.headers as { 'content-type': string },
        limits: {
          fileSize: limits.fileSize,
          files: limits.files,
          // busboy reports its fields limit only on a later write, so a body that arrives in one
          // chunk would lose the fields past it silently: one more is let through and counted here.
          fields: limits.fields + 1,
          fieldSize: limits.fieldSize,
        },
      })
    } catch {
      // Busboy refuses a multipart type without a boundary (Starlette's message).
      req.resume()
      reject(new HTTPException(400, 'Missing boundary in multipart.'))
      return
    }
    let fieldCount = 0
    const tooManyFields = () =>
      fail(new HTTPException(400, `Too many fields. Maximum number of fields is ${limits.fields}.`))
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (++fieldCount > limits.fields) tooManyFields()
      else if (valueTruncated)
        fail(new HTTPException(400, `Field '${name}' exceeds the limit of ${limits.fieldSize} bytes`))
      else if (!failed) addField(form.fields, name, value)
    })
    parser.on('file', (name, stream, filename, _encoding, mimeType) => {
      if (failed) {
        stream.resume()
        return
      }
      const collected = collectFile(name, stream, filename, mimeType, limits, form.tempFiles).then((file) => {
        if (file === 'too-large') {
          fail(new HTTPException(413, `File '${name}' exceeds the limit of ${limits.fileSize} bytes`))
          return
        }
        ;(form.files[name] ??= []).push(file)
      })
      pending.push(collected)
    })
    parser.on('filesLimit', () =>
      fail(new HTTPException(400, `Too many files. Maximum number of files is ${limits.files}.`)),
    )
    parser.on('fieldsLimit', tooManyFields)
    parser.on('error', () => fail(new HTTPException(400, 'Invalid multipart data.')))
    parser.on('finish', () => {
      Promise.all(pending).then(
        () => {
          if (!failed) resolve(form)
        },
        () => fail(new HTTPException(400, 'There was an error parsing the body')),
      )
    })
    req.on('error', () => fail(new HTTPException(400, 'There was an error parsing the body')))
    req.pipe(parser)
  })
}
