import { get } from '@typefast/router'
import { Client } from 'undici'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { quietLogger } from '../test-support.js'

// Shutdown under load over real sockets: keep-alive clients send requests back to back while the
// server closes. Every request sent is answered, none is reset, and the answers written once
// closing began say `connection: close`.

const clients = 12

function loadApp() {
  return createApp({ logger: quietLogger() }).add(
    get('/work', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2))
      return { ok: true }
    }),
  )
}

interface Tally {
  answered: number
  lost: string[]
  closedByServer: number
}

/** One keep-alive connection sending requests back to back until the server says `connection: close`. */
async function loop(url: string, tally: Tally): Promise<void> {
  const client = new Client(url, { pipelining: 1, keepAliveTimeout: 30_000 })
  try {
    for (;;) {
      const response = await client.request({ path: '/work', method: 'GET' })
      await response.body.text()
      tally.answered++
      if (response.headers.connection === 'close') {
        tally.closedByServer++
        return
      }
    }
  } catch (error) {
    tally.lost.push(`${(error as Error & { code?: string }).code ?? (error as Error).message}`)
  } finally {
    await client.destroy()
  }
}

describe('graceful close under load', () => {
  test('10 runs: no request lost or reset, every connection told to close', async () => {
    for (let run = 0; run < 10; run++) {
      const app = loadApp()
      const { url } = await app.listen({ port: 0 })
      const tally: Tally = { answered: 0, lost: [], closedByServer: 0 }
      const loops = Array.from({ length: clients }, () => loop(url, tally))
      while (tally.answered < clients * 5) await new Promise((resolve) => setTimeout(resolve, 5))
      await app.close()
      await Promise.all(loops)
      expect(tally.lost, `run ${run}`).toEqual([])
      expect(tally.closedByServer, `run ${run}`).toBe(clients)
    }
  }, 60_000)

  test('an idle keep-alive connection is closed, not left open until the deadline', async () => {
    const app = loadApp()
    const { url } = await app.listen({ port: 0, shutdownTimeout: 30_000 })
    const client = new Client(url, { keepAliveTimeout: 30_000 })
    const first = await client.request({ path: '/work', method: 'GET' })
    expect(first.headers.connection).toBe('keep-alive')
    await first.body.text()
    const started = Date.now()
    await app.close()
    expect(Date.now() - started).toBeLessThan(10_000)
    await client.destroy()
  })

  test('the deadline is logged when it cuts a request', async () => {
    const logger = { ...quietLogger(), lines: [] as string[] }
    logger.info = (_details, message) => logger.lines.push(message)
    logger.warn = (_details, message) => logger.lines.push(message)
    const app = createApp({ logger }).add(get('/hang', () => new Promise(() => {})))
    const { url } = await app.listen({ port: 0, shutdownTimeout: 200 })
    const client = new Client(url)
    const hanging = client.request({ path: '/hang', method: 'GET' }).catch((error: Error) => error)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await app.close()
    expect(await hanging).toBeInstanceOf(Error)
    expect(logger.lines).toEqual([
      'shutting down: draining 1 connections, cut after 200 ms',
      'shutdown deadline of 200 ms passed: cutting 1 connections',
    ])
    await client.destroy()
  })
})
