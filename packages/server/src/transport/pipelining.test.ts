import { connect } from 'node:net'
import { get } from '@typefast/router'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'

// A client that pipelines thousands of requests for a large answer and reads nothing must not
// make the server build thousands of answers: the ones queued per connection stay bounded.

const requests = 2000
const answerBytes = 100 * 1024

describe('pipelining', () => {
  test(`${requests} pipelined requests, nothing read: few answers built, memory bounded`, async () => {
    let built = 0
    const big = 'x'.repeat(answerBytes)
    const app = createApp({ logger: quietLogger() }).add(
      get('/big', () => {
        built++
        return { big }
      }),
    )
    const { port } = await app.listen({ port: 0 })
    global.gc?.()
    const before = process.memoryUsage().rss
    const socket = connect(port, '127.0.0.1')
    socket.pause() // read nothing
    await new Promise((resolve) => socket.on('connect', resolve))
    socket.write('GET /big HTTP/1.1\r\nhost: x\r\n\r\n'.repeat(requests))
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const grown = process.memoryUsage().rss - before
    process.stdout.write(`pipelining: ${built} of ${requests} answers built, RSS +${(grown / 2 ** 20).toFixed(1)} MB\n`)
    expect(built).toBeLessThan(200)
    // a reader then gets every answer, in order
    let received = 0
    let tail = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      const text = tail + chunk
      received += text.split('HTTP/1.1 200 OK').length - 1
      tail = text.slice(-14) // shorter than the status line: a match is never counted twice
    })
    socket.resume()
    while (received < requests) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(built).toBe(requests)
    socket.destroy()
    await app.close()
  }, 60_000)
})
