import { pipeline } from 'node:stream'
import { constants, createGzip, gzipSync } from 'node:zlib'
import type { Middleware } from '@typefast/router'
import { toReadable } from '../responses/body-stream.js'
import { FileResponse } from '../responses/file-response.js'
import { SseResponse } from '../responses/sse-response.js'
import { StreamResponse } from '../responses/stream-response.js'
import { addVary, findHeader } from './headers.js'

export interface GzipOptions {
  /** Bodies smaller than this many bytes are sent as they are. Default 500. */
  minimumSize?: number
  /** 1 (fastest) to 9 (smallest). Default 9, as Starlette. */
  level?: number
}

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return false
  return acceptEncoding.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';')
    if (coding.trim() !== 'gzip') return false
    const q = params.find((p) => p.trim().startsWith('q='))
    return q === undefined || Number(q.trim().slice(2)) > 0
  })
}

/**
 * Gzip answers for clients that accept it (Starlette's GZipMiddleware): bodies from `minimumSize`
 * bytes and streams; never an answer that already has a Content-Encoding, never server-sent events
 * (they must reach the client as they are written) nor files (their byte ranges refer to the file).
 */
export function gzip(options: GzipOptions = {}): Middleware {
  const minimumSize = options.minimumSize ?? 500
  const level = options.level ?? 9
  return async (request, next) => {
    const response = await next()
    if (!acceptsGzip(request.headers['accept-encoding'])) return response
    if (findHeader(response.headers, 'content-encoding') !== undefined) return response
    if (response instanceof SseResponse || response instanceof FileResponse) return response
    if (response instanceof StreamResponse) {
      const compressed = createGzip({ level, flush: constants.Z_SYNC_FLUSH })
      pipeline(toReadable(response.source), compressed, () => {})
      const headers: Record<string, string | string[]> = { ...response.headers, 'content-encoding': 'gzip' }
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-length') delete headers[key]
      addVary(headers, 'Accept-Encoding')
      return new StreamResponse(compressed, response.status, headers)
    }
    const body = response.body
    if (body === undefined || Buffer.byteLength(body) < minimumSize) return response
    response.body = gzipSync(body, { level })
    response.headers['content-encoding'] = 'gzip'
    addVary(response.headers, 'Accept-Encoding')
    return response
  }
}
