import type { RouteSpec } from '@typefast/router'
import { compileBodyValidator, compileSerializer, type TSchema } from '@typefast/validation'
import { mapIterable } from './body-stream.js'
import { isHttpResponse } from './responses.js'
import type { AnswerSink, ResultAnswer } from './result-answer.js'
import { stream } from './stream-response.js'

/** An item that does not match the response schema; the stream is cut and the error logged. */
export class ResponseItemError extends Error {
  readonly errors: readonly unknown[]

  constructor(label: string, index: number, errors: readonly unknown[]) {
    super(`${label}: item ${index} of the JSON Lines stream does not match the response schema`)
    this.name = 'ResponseItemError'
    this.errors = errors
  }
}

function itemSchema(spec: RouteSpec, status: number): TSchema | undefined {
  const response = spec.response as Record<string, TSchema> | TSchema | undefined
  if (response === undefined) return undefined
  const byStatus = (response as Record<string, TSchema>)[String(status)]
  return byStatus ?? (response as TSchema)
}

/**
 * How an async generator handler answers: `application/jsonl`, one line per yielded item, each
 * validated against the response schema and serialized by its compiled serializer; the stream
 * response is then rendered by `sink` (written to the socket, or handed to middleware).
 */
export function compileJsonLinesAnswer<T>(spec: RouteSpec, label: string, sink: AnswerSink<T>): ResultAnswer<T> {
  const status = spec.status ?? 200
  const schema = itemSchema(spec, status)
  const validate = schema && compileBodyValidator(schema)
  const serialize = schema ? compileSerializer(schema) : (item: unknown) => JSON.stringify(item) ?? 'null'
  return (context, value) => {
    const state = context.responseState()
    if (isHttpResponse(value)) return sink.returned(context, value, state?.headers)
    let index = 0
    const lines = mapIterable(value as AsyncIterable<unknown>, (item) => {
      const result = validate?.(item)
      if (result !== undefined && !result.ok) throw new ResponseItemError(label, index, result.errors)
      index++
      return `${serialize(item)}\n`
    })
    const headers = { ...state?.headers, 'content-type': 'application/jsonl' }
    return sink.returned(context, stream(lines, { status: state?.status ?? status, headers }), undefined)
  }
}
