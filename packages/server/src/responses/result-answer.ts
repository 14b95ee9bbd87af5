import type { ServerResponse } from 'node:http'
import type { RouteSpec } from '@typefast/router'
import { isStatusMap } from '@typefast/router/internal'
import { compileSerializer, type Serializer } from '@typefast/validation'
import { stringifyJson } from '@typefast/validation/internal'
import type { RequestContext } from '../pipeline/request-context.js'
import { HttpResponse, isHttpResponse, noBodyStatuses } from './responses.js'

type Headers = Record<string, string | string[]> | undefined

/**
 * Where a route's answer goes: written to the socket (the direct path), or built as a response
 * object (under middleware, and for any transport that takes response objects). The answer is
 * decided once, in `compileResultAnswer`; a sink only renders it.
 */
export interface AnswerSink<T> {
  /** The handler returned a response helper; `stateHeaders` are those it set on `response`. */
  returned(context: RequestContext, response: HttpResponse, stateHeaders: Headers): T
  /** A 204, 205 or 304: no body. */
  noBody(context: RequestContext, status: number, headers: Headers): T
  json(context: RequestContext, status: number, body: string, headers: Headers): T
}

/** Answers with a handler's result; for the socket sink, a promise when the answer is streamed. */
export type ResultAnswer<T> = (context: RequestContext, value: unknown) => T

/** JSON for routes without a schema (bigints as digits); `undefined` answers `null`, as FastAPI answers None. */
const stringify: Serializer = (value) => stringifyJson(value) ?? 'null'

/**
 * The serializer for each status a route may answer with, compiled at start-up: the route's
 * `response` schema for its status, or each schema of a status map; JSON.stringify otherwise.
 */
function compileStatusSerializers(spec: RouteSpec, defaultStatus: number): (status: number) => Serializer {
  const serializers = new Map<number, Serializer>()
  const response = spec.response
  if (isStatusMap(response)) {
    for (const [code, schema] of Object.entries(response)) serializers.set(Number(code), compileSerializer(schema))
  } else if (response !== undefined) {
    serializers.set(defaultStatus, compileSerializer(response))
  }
  const defaultSerializer = serializers.get(defaultStatus) ?? stringify
  return (status) => (status === defaultStatus ? defaultSerializer : (serializers.get(status) ?? stringify))
}

/** How a route answers with its handler's result: status, serializer and headers, rendered by `sink`. */
export function compileResultAnswer<T>(spec: RouteSpec, sink: AnswerSink<T>): ResultAnswer<T> {
  const defaultStatus = spec.status ?? 200
  const serializerFor = compileStatusSerializers(spec, defaultStatus)
  return (context, value) => {
    const state = context.responseState()
    if (isHttpResponse(value)) return sink.returned(context, value, state?.headers)
    const status = state?.status ?? defaultStatus
    if (noBodyStatuses.has(status)) return sink.noBody(context, status, state?.headers)
    return sink.json(context, status, serializerFor(status)(value), state?.headers)
  }
}

const jsonType = ['content-type', 'application/json']

function writeJson(res: ServerResponse, status: number, body: string, headers: Headers): void {
  if (headers === undefined) {
    res.writeHead(status, ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(body))])
  } else {
    // Object.assign, not a spread: V8 makes adding keys to a spread copy slow (about 1 µs each).
    const all: Record<string, string | string[] | number> = Object.assign({}, headers)
    all['content-type'] = 'application/json'
    all['content-length'] = Buffer.byteLength(body)
    res.writeHead(status, all)
  }
  res.end(body)
}

/** The direct path: the answer written to the socket; a promise only when it is streamed. */
export const socketSink: AnswerSink<void | Promise<void>> = {
  returned: (context, response, stateHeaders) => response.send(context.res, stateHeaders),
  // FastAPI's 204/304 from a route's data: no body, no content-length, its JSONResponse's type all the same.
  noBody(context, status, headers) {
    const res = context.res
    if (headers === undefined) res.writeHead(status, jsonType)
    else res.writeHead(status, Object.assign({}, headers, { 'content-type': 'application/json' }))
    res.end()
  },
  json: (context, status, body, headers) => writeJson(context.res, status, body, headers),
}

/** Headers a handler or dependency set on `response`, under those of the response it returned. */
export function withStateHeaders(response: HttpResponse, headers: Headers): HttpResponse {
  if (headers === undefined) return response
  for (const name in headers) if (!(name in response.headers)) response.headers[name] = headers[name]!
  return response
}

// Not `{ ...headers }`: V8 gives a spread copy a map of its own, and every header then added to
// it (here, and by middleware) costs a new map, about 1 µs each.
function jsonHeaders(headers: Headers): Record<string, string | string[]> {
  const all: Record<string, string | string[]> = Object.assign({}, headers)
  all['content-type'] = 'application/json'
  return all
}

/** The response-object path: the answer as an `HttpResponse` that middleware may change. */
export const responseSink: AnswerSink<HttpResponse> = {
  returned: (_context, response, stateHeaders) => withStateHeaders(response, stateHeaders),
  noBody: (_context, status, headers) => new HttpResponse(status, jsonHeaders(headers), undefined),
  json: (_context, status, body, headers) => new HttpResponse(status, jsonHeaders(headers), body),
}
