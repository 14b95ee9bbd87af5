import type { ServerResponse } from 'node:http'
import { isStatusMap, type RouteSpec } from '@typefast/router'
import { compileSerializer, type Serializer, stringifyJson } from '@typefast/validation'
import type { RequestContext } from '../pipeline/request-context.js'
import { HttpResponse, isHttpResponse, noBodyStatuses } from './responses.js'

/** Answers with a handler's result; a promise when the answer is streamed (resolved once it is sent). */
export type ResultSender = (context: RequestContext, value: unknown) => void | Promise<void>

/** Turns a handler's result into a response object (for middleware) instead of writing it. */
export type ResultResponder = (context: RequestContext, value: unknown) => HttpResponse

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

function writeJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string | string[]> | undefined,
) {
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

// A 204 or 304 from a route's data: FastAPI's answer, no body, no content-length, and the
// content type of its JSONResponse all the same.
function writeNoBody(res: ServerResponse, status: number, headers: Record<string, string | string[]> | undefined) {
  if (headers === undefined) res.writeHead(status, jsonType)
  else res.writeHead(status, Object.assign({}, headers, { 'content-type': 'application/json' }))
  res.end()
}

const jsonType = ['content-type', 'application/json']

/** Compile how a route answers with its handler's result: serializer chosen by status at start-up. */
export function compileResultSender(spec: RouteSpec): ResultSender {
  const defaultStatus = spec.status ?? 200
  const serializerFor = compileStatusSerializers(spec, defaultStatus)

  return (context, value) => {
    const state = context.responseState()
    if (isHttpResponse(value)) return value.send(context.res, state?.headers)
    const status = state?.status ?? defaultStatus
    const headers = state?.headers
    if (noBodyStatuses.has(status)) {
      writeNoBody(context.res, status, headers)
      return
    }
    const serialize = serializerFor(status)
    writeJson(context.res, status, serialize(value), headers)
  }
}

/** Headers a handler or dependency set on `response`, under those of the response it returned. */
export function withStateHeaders(response: HttpResponse, headers: Record<string, string | string[]> | undefined) {
  if (headers === undefined) return response
  for (const name in headers) if (!(name in response.headers)) response.headers[name] = headers[name]!
  return response
}

/** As compileResultSender, but the answer is built as a response object for middleware to see. */
export function compileResultResponder(spec: RouteSpec): ResultResponder {
  const defaultStatus = spec.status ?? 200
  const serializerFor = compileStatusSerializers(spec, defaultStatus)

  return (context, value) => {
    const state = context.responseState()
    if (isHttpResponse(value)) return withStateHeaders(value, state?.headers)
    const status = state?.status ?? defaultStatus
    // Not `{ ...state.headers }`: V8 gives a spread copy a map of its own, and every header then
    // added to it (here, and by middleware) costs a new map, about 1 µs each.
    const headers: Record<string, string | string[]> = Object.assign({}, state?.headers)
    headers['content-type'] = 'application/json'
    if (noBodyStatuses.has(status)) return new HttpResponse(status, headers, undefined)
    const serialize = serializerFor(status)
    return new HttpResponse(status, headers, serialize(value))
  }
}
