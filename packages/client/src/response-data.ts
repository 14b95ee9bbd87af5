import type { IncomingResponse } from './transport.js'

const jsonType = /^application\/(?:[\w.+-]+\+)?json\b/i

/** Parse a whole body: JSON by its content type, text otherwise, undefined when there is none. */
export async function readData(method: string, response: IncomingResponse): Promise<unknown> {
  const text = await response.body.text()
  if (method === 'HEAD' || text === '') return undefined
  if (!jsonType.test(response.headers.get('content-type') ?? '')) return text
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ResponseParseError(response.status, text, cause)
  }
}

/** A response that says it is JSON and is not: its status and text are kept for the report. */
export class ResponseParseError extends Error {
  override readonly name = 'ResponseParseError'
  constructor(
    readonly status: number,
    readonly text: string,
    cause: unknown,
  ) {
    super(`Response ${status} has a JSON content type but its body is not JSON`, { cause })
  }
}
