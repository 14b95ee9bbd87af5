import { describe, expect, it } from 'vitest'
import { createFeatureApp } from './fixtures/feature-app.js'
import { featureRequests, typefastHeaders } from './fixtures/feature-requests.js'

interface Answer {
  status: number
  headers: [string, string][]
  body: string
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

describe.each([false, true])('app.fetch answers as app.inject (app middleware: %s)', (middleware) => {
  const app = createFeatureApp({ middleware })

  it.each(featureRequests.map((request) => [`${request.method} ${request.url}`, request] as const))(
    '%s',
    async (_name, request) => {
      const injected = await app.inject({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
      })
      const fetched = await app.fetch(
        new Request(`http://localhost${request.url}`, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        }),
      )
      const viaFetch: Answer = {
        status: fetched.status,
        headers: typefastHeaders(fetched.headers),
        body: hex(new Uint8Array(await fetched.arrayBuffer())),
      }
      const viaInject: Answer = {
        status: injected.status,
        headers: typefastHeaders(
          Object.entries(injected.headers).map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
        ),
        body: hex(injected.rawBody),
      }
      expect(viaFetch).toEqual(viaInject)
    },
  )
})
