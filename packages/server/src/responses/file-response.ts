import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { mediaTypeOf } from '../pipeline/media-type.js'
import { pipeBody } from './body-stream.js'
import { fileEtag, isNotModified, rangeStillValid } from './conditional.js'
import { parseRange } from './range.js'
import { HttpResponse, json, type ResponseInit } from './responses.js'

export interface FileInit extends ResponseInit {
  /** Default: from the file's extension. */
  contentType?: string
  /** Sent as `Content-Disposition: attachment; filename=...` (a download) unless `inline` is set. */
  filename?: string
  inline?: boolean
  /** Default true: ETag and Last-Modified, and 304 to a matching conditional request. */
  conditional?: boolean
}

const notFound = () => json({ detail: 'Not Found' }, { status: 404 })

function contentDisposition(filename: string, inline: boolean | undefined): string {
  const type = inline ? 'inline' : 'attachment'
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return ascii === filename
    ? `${type}; filename="${filename}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

async function statFile(path: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(path)
    return stats.isFile() ? stats : undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') return undefined
    throw error
  }
}

/** A file streamed from disk, with conditional requests (304), byte ranges (206/416) and HEAD. */
export class FileResponse extends HttpResponse {
  readonly path: string
  readonly #init: FileInit | undefined

  constructor(path: string, init: FileInit | undefined) {
    const headers: Record<string, string | string[]> = {
      // Starlette guesses from `filename or path`: an empty name falls back to the path.
      'content-type': init?.contentType ?? mediaTypeOf(init?.filename || path),
      'accept-ranges': 'bytes',
    }
    if (init?.filename !== undefined) headers['content-disposition'] = contentDisposition(init.filename, init.inline)
    super(init?.status ?? 200, { ...headers, ...init?.headers }, undefined)
    this.path = path
    this.#init = init
  }

  override async send(res: ServerResponse, extraHeaders?: Record<string, string | string[]>): Promise<void> {
    const stats = await statFile(this.path)
    if (stats === undefined) return notFound().send(res)
    const headers: Record<string, string | string[] | number> = { ...extraHeaders, ...this.headers }
    const req = res.req
    const method = req?.method ?? 'GET'
    const requestHeaders = req?.headers ?? {}
    const etag = fileEtag(stats.size, stats.mtimeMs)
    const lastModified = stats.mtime.toUTCString()
    if (this.#init?.conditional !== false) {
      headers.etag ??= etag
      headers['last-modified'] ??= lastModified
      const cacheable = this.status === 200 && (method === 'GET' || method === 'HEAD')
      if (cacheable && isNotModified(requestHeaders, etag, stats.mtimeMs)) {
        delete headers['content-type']
        delete headers['content-disposition']
        res.writeHead(304, headers)
        res.end()
        return
      }
    }
    let start = 0
    let end = stats.size - 1
    let status = this.status
    if (status === 200 && rangeStillValid(requestHeaders, etag, lastModified)) {
      const range = parseRange(requestHeaders.range, stats.size)
      if (range !== undefined && 'status' in range) {
        // Starlette answers a refused range in plain text, without the file's headers.
        const refusal: Record<string, string | number> = {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': Buffer.byteLength(range.message),
        }
        if (range.status === 416) refusal['content-range'] = `bytes */${stats.size}`
        res.writeHead(range.status, refusal)
        res.end(method === 'HEAD' ? undefined : range.message)
        return
      }
      if (range !== undefined) {
        ;({ start, end } = range)
        status = 206
        headers['content-range'] = `bytes ${start}-${end}/${stats.size}`
      }
    }
    headers['content-length'] = end - start + 1
    res.writeHead(status, headers)
    if (method === 'HEAD' || stats.size === 0) {
      res.end()
      return
    }
    return pipeBody(res, createReadStream(this.path, { start, end }))
  }
}

/** Send a file from disk, streamed; `filename` makes it a download under that name. */
export function file(path: string, init?: FileInit): FileResponse {
  return new FileResponse(path, init)
}
