import type { IncomingMessage, RequestListener } from 'node:http'
import type lightMyRequest from 'light-my-request'
import { lazyRequire } from '../lazy-require.js'

// Required on first use: start-up time and RSS of apps that never call app.inject.
const loadLightMyRequest = lazyRequire<typeof lightMyRequest>('light-my-request')

export interface InjectOptions {
  method?: string
  url: string
  /** An array sends the header once per value, as a repeated header. */
  headers?: Record<string, string | string[]>
  /** A value sent as a JSON body, with content-type application/json. */
  json?: unknown
  /** A raw body, sent as it is. */
  body?: string | Buffer
}

export interface InjectResponse {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
  /** The body's bytes, for binary responses. */
  rawBody: Buffer
  json<T = unknown>(): T
}

/**
 * light-my-request 6.6 joins a repeated header's values with ',' into one raw header; a socket
 * gives node each line, which node joins with '; ' for a cookie and ', ' for the others. Put the
 * request back as a socket would have delivered it.
 */
function withRepeatedHeaders(req: IncomingMessage, repeated: [string, string[]][]): IncomingMessage {
  const names = new Set(repeated.map(([name]) => name.toLowerCase()))
  const raw: string[] = []
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!names.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  for (const [name, values] of repeated) {
    const lower = name.toLowerCase()
    for (const value of values) raw.push(name, value)
    req.headers[lower] = values.join(lower === 'cookie' ? '; ' : ', ')
  }
  req.rawHeaders = raw
  return req
}

/** Run one request through the app in-process: no socket, the same code path as a real request. */
export async function injectRequest(listener: RequestListener, options: InjectOptions): Promise<InjectResponse> {
  const headers: Record<string, string | string[]> = { ...options.headers }
  let payload = options.body
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json)
    headers['content-type'] ??= 'application/json'
  }
  const method = (options.method ?? 'GET').toUpperCase()
  const repeated = Object.entries(headers).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
  const dispatch: RequestListener =
    repeated.length === 0 ? listener : (req, res) => listener(withRepeatedHeaders(req, repeated), res)
  const response = await loadLightMyRequest()(dispatch, {
    method: method as 'GET',
    url: options.url,
    headers,
    payload,
  })
  // No body for HEAD, 204 or 304, as a real socket sends: light-my-request 6.6 (the last whose
  // cookie dependency supports Node 20) would still report what the app wrote.
  const bodiless = method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304
  const body = bodiless ? '' : response.body
  return {
    status: response.statusCode,
    headers: response.headers,
    body,
    rawBody: bodiless ? Buffer.alloc(0) : response.rawPayload,
    json: <T>() => JSON.parse(body) as T,
  }
}
