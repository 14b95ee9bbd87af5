/**
 * The four request parts read as parameters, in the order FastAPI checks and documents them: the
 * key a route or dependency declares (`params`, ...), the word FastAPI uses for it in an error's
 * `loc` and OpenAPI's `in` (`path`, ...), and its name in a message. The one mapping of the two
 * vocabularies.
 */
export const parameterLocations = [
  { key: 'params', in: 'path', noun: 'path parameter' },
  { key: 'query', in: 'query', noun: 'query parameter' },
  { key: 'headers', in: 'header', noun: 'header' },
  { key: 'cookies', in: 'cookie', noun: 'cookie' },
] as const

export type ParameterLocation = (typeof parameterLocations)[number]
/** `params`, `query`, `headers` or `cookies`. */
export type ParameterKey = ParameterLocation['key']
/** `path`, `query`, `header` or `cookie`. */
export type ParameterIn = ParameterLocation['in']
