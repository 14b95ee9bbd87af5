import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { TObject } from '@typefast/validation'

/** The header values a route's validator reads. */
export type HeaderInput = (req: IncomingMessage) => IncomingHttpHeaders | Record<string, string[]>

/**
 * Where a route reads its declared headers, decided at start-up. node:http joins a repeated
 * header into one `a, b` string; FastAPI sees each value (a list field gets them all, a scalar
 * the first). Only a declared value holding ", " can be a join: just then are the headers read
 * again, value by value, from the raw list.
 */
export function compileHeaderInput(schema: TObject): HeaderInput {
  const names = Object.keys(schema.properties).map((key) => key.toLowerCase().replace(/_/g, '-'))
  return (req) => {
    const headers = req.headers
    for (let i = 0; i < names.length; i++) {
      const value = headers[names[i]!]
      if (typeof value === 'string' && value.includes(', ')) return distinctHeaders(req.rawHeaders)
    }
    return headers
  }
}

function distinctHeaders(raw: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = Object.create(null)
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    ;(headers[name] ??= []).push(raw[i + 1]!)
  }
  return headers
}
