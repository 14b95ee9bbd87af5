import type { RequestListener } from 'node:http'
import type lightMyRequest from 'light-my-request'
import { lazyRequire } from './lazy-require.js'

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

/** Run one request through the app in-process: no socket, the same code path as a real request. */
export async function injectRequest(listener: RequestListener, options: InjectOptions): Promise<InjectResponse> {
  const headers: Record<string, string | string[]> = { ...options.headers }
  let payload = options.body
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json)
    headers['content-type'] ??= 'application/json'
  }
  const response = await loadLightMyRequest()(listener, {
    method: (options.method ?? 'GET').toUpperCase() as 'GET',
    url: options.url,
    headers,
    payload,
  })
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body,
    rawBody: response.rawPayload,
    json: <T>() => JSON.parse(response.body) as T,
  }
}
