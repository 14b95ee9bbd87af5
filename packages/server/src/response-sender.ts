import type { ServerResponse } from 'node:http'
import type { ResponseSchemas, RouteSpec } from '@typefast/router'
import { compileSerializer, type Serializer, type TSchema } from '@typefast/validation'
import type { RequestContext } from './request-context.js'
import { isHttpResponse } from './responses.js'

export type ResultSender = (context: RequestContext, value: unknown) => void

/** JSON.stringify for routes without a schema; `undefined` answers `null`, as FastAPI answers None. */
const stringify: Serializer = (value) => JSON.stringify(value) ?? 'null'

const noBodyStatuses = new Set([204, 205, 304])

function isStatusMap(response: ResponseSchemas): response is { readonly [status: number]: TSchema } {
  const keys = Object.keys(response)
  return keys.length > 0 && keys.every((key) => /^[1-5]\d\d$/.test(key))
}

function serializersByStatus(spec: RouteSpec, status: number): Map<number, Serializer> {
  const serializers = new Map<number, Serializer>()
  const response = spec.response
  if (response === undefined) return serializers
  if (isStatusMap(response)) {
    for (const [code, schema] of Object.entries(response)) serializers.set(Number(code), compileSerializer(schema))
  } else {
    serializers.set(status, compileSerializer(response))
  }
  return serializers
}

function writeJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string | string[]> | undefined,
) {
  if (headers === undefined) {
    res.writeHead(status, ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(body))])
  } else {
    res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  }
  res.end(body)
}

/** Compile how a route answers with its handler's result: serializer chosen by status at start-up. */
export function compileResultSender(spec: RouteSpec): ResultSender {
  const defaultStatus = spec.status ?? 200
  const serializers = serializersByStatus(spec, defaultStatus)
  const defaultSerializer = serializers.get(defaultStatus) ?? stringify

  return (context, value) => {
    const state = context.responseState()
    if (isHttpResponse(value)) return value.send(context.res, state?.headers)
    const status = state?.status ?? defaultStatus
    const headers = state?.headers
    if (noBodyStatuses.has(status)) {
      context.res.writeHead(status, headers)
      context.res.end()
      return
    }
    const serialize = status === defaultStatus ? defaultSerializer : (serializers.get(status) ?? stringify)
    writeJson(context.res, status, serialize(value), headers)
  }
}
