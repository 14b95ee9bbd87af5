import { randomUUID } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { BusboyFileStream, BusboyInstance } from '@fastify/busboy'
import { HTTPException } from '../exceptions/http-exception.js'
import type { ResolvedFormLimits } from './form-limits.js'
import { UploadFile } from './upload-file.js'

// Required on first use: start-up time and RSS of apps that read no form bodies.
// busboy is imported with the first form, not at start-up; by `import()` of its name, so a bundle
// (a Worker's) holds it too.
const importBusboy = () => import('@fastify/busboy')
let Busboy: Awaited<ReturnType<typeof importBusboy>>['Busboy'] | undefined
async function loadBusboy(): Promise<void> {
  Busboy ??= (await importBusboy()).Busboy
}

/** A form as received: text fields (repeated names as arrays) and files by field name. */
export interface RawForm {
  readonly fields: Record<string, string | string[]>
  readonly files: Record<string, UploadFile[]>
  /** Text given where a file was expected is kept apart from the files. */
  readonly tempFiles: string[]
}

const formType = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\s*(?:;|$)/i

/** True for an empty body, or one that begins with the multipart boundary of `contentType`. */
function opensWithBoundary(opening: Buffer | undefined, contentType: string): boolean {
  if (opening === undefined) return true
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const delimiter = `--${boundary?.[1] ?? boundary?.[2]}`
  return opening.subarray(0, delimiter.length).toString('latin1') === delimiter
}

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
  if (Busboy === undefined) return loadBusboy().then(() => readForm(req, limits))
  const Parser = Busboy
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
      parser = new Parser({
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
    let truncated = false
    const tooManyFields = () =>
      fail(new HTTPException(400, `Too many fields. Maximum number of fields is ${limits.fields}.`))
    // Starlette refuses a part without a name; busboy would file it under "undefined".
    const unnamed = () => fail(new HTTPException(400, 'The Content-Disposition header field "name" must be provided.'))
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (truncated) return
      if (name === undefined) unnamed()
      else if (++fieldCount > limits.fields) tooManyFields()
      else if (valueTruncated)
        fail(new HTTPException(400, `Field '${name}' exceeds the limit of ${limits.fieldSize} bytes`))
      else if (!failed) addField(form.fields, name, value)
    })
    parser.on('file', (name, stream, filename, _encoding, mimeType) => {
      if (name === undefined) unnamed()
      if (failed || truncated) {
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
    // A body that ends early is read as Starlette reads it: the parts that were complete, so the
    // fields missing are 422s. A body that does not even open with the boundary is not multipart.
    let opening: Buffer | undefined
    req.once('data', (chunk: Buffer) => {
      opening = chunk
    })
    parser.on('error', (error: Error) => {
      if (error.message !== 'Unexpected end of multipart data' || !opensWithBoundary(opening, contentType)) {
        fail(new HTTPException(400, 'Invalid multipart data.'))
        return
      }
      truncated = true
      void Promise.allSettled(pending).then(() => {
        if (!failed) resolve(form)
      })
    })
    parser.on('finish', () => {
      if (truncated) return
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
