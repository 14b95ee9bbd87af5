/**
 * An AWS Lambda HTTP event, payload format 2.0: what API Gateway HTTP APIs and function URLs send.
 * Only the fields a request is made of; the rest of the event is ignored.
 */
export interface LambdaHttpEvent {
  rawPath: string
  rawQueryString?: string
  /** Lower-case names; repeated headers joined by commas. */
  headers?: Record<string, string | undefined>
  /** The request's cookies, one `name=value` each (they are not in `headers`). */
  cookies?: string[]
  requestContext: { domainName?: string; http: { method: string } }
  body?: string
  isBase64Encoded?: boolean
}

/** What the function returns for payload format 2.0. */
export interface LambdaHttpResult {
  statusCode: number
  headers: Record<string, string>
  /** Each Set-Cookie value; API Gateway sends one header per entry. */
  cookies: string[]
  body: string
  isBase64Encoded: boolean
}

/** Anything with a web fetch handler: a typefast app, or a handler wrapping one. */
export interface FetchHandler {
  fetch(request: Request): Promise<Response>
}

/** Bodies passed as text; any other (images, archives, octet streams) goes base64, as Lambda requires. */
const textual =
  /^(?:text\/|application\/(?:json|jsonl|x-ndjson|xml|javascript|x-www-form-urlencoded|[\w.-]+\+(?:json|xml))\s*(?:;|$))/i

function lambdaEventToRequest(event: LambdaHttpEvent): Request {
  const method = event.requestContext.http.method
  const headers = new Headers()
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value)
  if (event.cookies !== undefined && event.cookies.length > 0) headers.set('cookie', event.cookies.join('; '))
  const host = event.requestContext.domainName ?? headers.get('host') ?? 'localhost'
  const query = event.rawQueryString ? `?${event.rawQueryString}` : ''
  const hasBody = event.body !== undefined && method !== 'GET' && method !== 'HEAD'
  const body = hasBody ? Buffer.from(event.body!, event.isBase64Encoded ? 'base64' : 'utf8') : undefined
  return new Request(`https://${host}${event.rawPath}${query}`, { method, headers, body })
}

async function responseToLambdaResult(response: Response): Promise<LambdaHttpResult> {
  const headers: Record<string, string> = {}
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value
  const bytes = Buffer.from(await response.arrayBuffer())
  const isText = textual.test(response.headers.get('content-type') ?? '')
  return {
    statusCode: response.status,
    headers,
    cookies: response.headers.getSetCookie(),
    body: bytes.toString(isText ? 'utf8' : 'base64'),
    isBase64Encoded: !isText && bytes.length > 0,
  }
}

/**
 * An AWS Lambda handler for API Gateway HTTP APIs and function URLs (payload format 2.0): the
 * event becomes a web Request for `app.fetch`, its Response the result. Lambda's buffered mode
 * sends the whole body at once, so streamed answers (SSE, JSON Lines) arrive when they end.
 */
export function toLambdaHandler(app: FetchHandler): (event: LambdaHttpEvent) => Promise<LambdaHttpResult> {
  return async (event) => responseToLambdaResult(await app.fetch(lambdaEventToRequest(event)))
}
