import { connect } from 'node:net'
import { get } from '@typefast/router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type App, createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'

// A keep-alive connection that has answered a good request still gets the documented answer
// for a bad one after it (not a reset, not silence), then is closed.

let app: App<any>
let port: number

beforeAll(async () => {
  app = createApp({ logger: quietLogger(), headersTimeout: 400, requestTimeout: 800, maxHeaderSize: 4096 }).add(
    get('/hello', () => ({ message: 'Hello World' })),
  )
  port = (await app.listen({ port: 0 })).port
})
afterAll(() => app.close())

const good = 'GET /hello HTTP/1.1\r\nhost: x\r\n\r\n'

/** Send a good request, wait for its answer, then send `bad` in pieces; the statuses answered, in order. */
function afterOneAnswer(bad: string[], pauseMs = 0): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    let sentBad = false
    const timer = setTimeout(() => reject(new Error(`no close in 5 s: ${JSON.stringify(data)}`)), 5_000)
    socket.setEncoding('latin1')
    socket.on('connect', () => socket.write(good))
    socket.on('data', async (chunk: string) => {
      data += chunk
      if (sentBad || !data.includes('Hello World')) return
      sentBad = true
      for (const [i, piece] of bad.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, pauseMs))
        if (!socket.destroyed) socket.write(piece)
      }
    })
    const done = (error?: Error) => {
      clearTimeout(timer)
      if (error && (error as Error & { code?: string }).code === 'ECONNRESET') reject(error)
      else resolve([...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1])))
    }
    socket.on('error', done)
    socket.on('close', () => done())
  })
}

describe('error answers on a kept-alive connection', () => {
  test('a malformed request after a good one: 400', async () => {
    expect(await afterOneAnswer(['GET /hello HTTP/1.1\r\nbad header line\r\n\r\n'])).toEqual([200, 400])
  })

  test('bytes that are not HTTP after a good one: 400', async () => {
    expect(await afterOneAnswer(['\x16\x03\x01 not http\r\n\r\n'])).toEqual([200, 400])
  })

  test('an oversized head after a good one: 431, not a reset', async () => {
    expect(await afterOneAnswer([`GET /hello HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(8000)}\r\n\r\n`])).toEqual([
      200, 431,
    ])
  })

  test('a head sent too slowly after a good one: 408', async () => {
    expect(await afterOneAnswer(['GET /hello HTTP/1.1\r\n', 'host: x\r\n', 'x-a: b\r\n'], 500)).toEqual([200, 408])
  })
})
