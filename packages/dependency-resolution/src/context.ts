import type { BackgroundTasks, RequestInfo, ResponseControl } from '@typefast/http'

/** Validated request inputs plus request/response, as the server hands them over for each request. */
export interface ResolveContext {
  params: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
  request: RequestInfo
  response: ResponseControl
  background: BackgroundTasks
}
