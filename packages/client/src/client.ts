import type { Client, HeaderValues } from './client-types.js'
import type { Method } from './endpoint.js'
import { type CallInput, outgoingRequest } from './outgoing.js'
import type { ClientResponse, RawResponse } from './response.js'
import { readData } from './response-data.js'
import type { Transport } from './transport.js'

const methods = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
} as const

/** The one runtime behind every typed client: the types are checked at the call, not here. */
export function makeClient<E>(
  transport: Transport,
  defaultHeaders: HeaderValues = {},
  onClose: () => Promise<void> = async () => {},
): Client<E> {
  const raw = async (method: Method, path: string, input?: CallInput): Promise<RawResponse> => {
    const response = await transport.send(outgoingRequest(method, path, input, defaultHeaders))
    return { status: response.status, headers: response.headers, body: response.body }
  }
  const request = async (method: Method, path: string, input?: CallInput): Promise<ClientResponse> => {
    const response = await raw(method, path, input)
    const data = await readData(method, response)
    return { status: response.status, data, headers: response.headers }
  }
  let closed: Promise<void> | undefined
  const close = () => {
    closed ??= transport.close().then(onClose)
    return closed
  }
  const client: Record<string, unknown> = { request, raw, close, [Symbol.asyncDispose]: close }
  for (const [name, method] of Object.entries(methods)) {
    client[name] = (path: string, input?: CallInput) => request(method, path, input)
  }
  return client as unknown as Client<E>
}
