import type { IncomingMessage } from 'node:http'
import type { RequestInfo } from '@typefast/http'

export function requestInfo(req: IncomingMessage): RequestInfo {
  const url = req.url ?? '/'
  const queryStart = url.indexOf('?')
  return {
    method: req.method ?? 'GET',
    url,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    headers: req.headers,
    raw: req,
  }
}
