import { get } from '@typefast/router'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createApp } from '../app/app.js'
import { createLogger, resolveLogLevel } from './logger.js'

function capture() {
  const lines: Record<string, any>[] = []
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }
}

const savedLevel = process.env.LOG_LEVEL
afterEach(() => {
  if (savedLevel === undefined) delete process.env.LOG_LEVEL
  else process.env.LOG_LEVEL = savedLevel
})

describe('createLogger', () => {
  test('levels: option, else LOG_LEVEL, else info; an unknown name throws naming its source', () => {
    expect(resolveLogLevel(undefined, {})).toBe('info')
    expect(resolveLogLevel(undefined, { LOG_LEVEL: 'WARN' })).toBe('warn')
    expect(resolveLogLevel('debug', { LOG_LEVEL: 'warn' })).toBe('debug')
    expect(() => resolveLogLevel(undefined, { LOG_LEVEL: 'loud' })).toThrow(
      /Unknown log level 'loud' \(from LOG_LEVEL\)/,
    )
    process.env.LOG_LEVEL = 'error'
    const { lines, destination } = capture()
    const logger = createLogger({ destination })
    logger.info({}, 'dropped')
    logger.error({}, 'kept')
    expect(lines.map((l) => l.msg)).toEqual(['kept'])
  })

  test('Authorization, cookies and passwords are redacted', () => {
    const { lines, destination } = capture()
    const logger = createLogger({ destination, redact: ['card.number'] })
    logger.info(
      {
        headers: { authorization: 'Bearer abc', cookie: 'session=1', 'set-cookie': ['s=1'], accept: '*/*' },
        req: { headers: { authorization: 'Basic xyz', 'x-api-key': 'k' } },
        password: 'p1',
        user: { name: 'alice', password: 'p2' },
        body: { login: { password: 'p3' } },
        card: { number: '4242' },
      },
      'details',
    )
    const line = lines[0]!
    expect(line.headers).toEqual({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
      'set-cookie': '[Redacted]',
      accept: '*/*',
    })
    expect(line.req.headers).toEqual({ authorization: '[Redacted]', 'x-api-key': '[Redacted]' })
    expect(line.password).toBe('[Redacted]')
    expect(line.user).toEqual({ name: 'alice', password: '[Redacted]' })
    expect(line.body.login.password).toBe('[Redacted]')
    expect(line.card.number).toBe('[Redacted]')
    expect(JSON.stringify(lines)).not.toMatch(/abc|xyz|p1|p2|p3|4242|session=1/)
  })

  test('an unexpected error: the stack in the log, never in the answer', async () => {
    const { lines, destination } = capture()
    const app = createApp({ logger: createLogger({ destination }) }).add(
      get('/crash', () => {
        throw new Error('secret detail')
      }),
    )
    const { url } = await app.listen({ port: 0 })
    try {
      const response = await fetch(`${url}/crash`, { headers: { authorization: 'Bearer t0ken' } })
      expect(response.status).toBe(500)
      const text = await response.text()
      expect(text).toBe('{"detail":"Internal Server Error"}')
      await new Promise((resolve) => setTimeout(resolve, 20))
      const error = lines.find((l) => l.level === 50)!
      expect(error.err.message).toBe('secret detail')
      expect(error.err.stack).toMatch(/logger\.test\.ts/)
      const access = lines.find((l) => l.msg === 'request completed')!
      expect(access).toMatchObject({ level: 30, method: 'GET', url: '/crash', status: 500, reqId: expect.any(Number) })
      expect(JSON.stringify(lines)).not.toMatch(/t0ken/)
    } finally {
      await app.close()
    }
  })

  test('the access log can be turned off, by option or by level', async () => {
    for (const options of [{ accessLog: false }, { logLevel: 'warn' as const }]) {
      const { lines, destination } = capture()
      const app = createApp({ ...options, logger: createLogger({ destination, level: options.logLevel }) }).add(
        get('/ok', () => 'ok'),
      )
      const { url } = await app.listen({ port: 0 })
      await (await fetch(`${url}/ok`)).text()
      await app.close()
      // close() still says it drains (info); no line is about the request
      expect(lines.filter((line) => !String(line.msg).startsWith('shutting down'))).toEqual([])
    }
  })
})

describe('the default stdout logger', () => {
  test('starts its flush timer with its first line, not when created (Workers allow timers only inside a handler)', async () => {
    vi.resetModules()
    const setInterval = vi.spyOn(globalThis, 'setInterval')
    try {
      const fresh = await import('./logger.js')
      const logger = fresh.createLogger({ level: 'info' })
      expect(setInterval).not.toHaveBeenCalled()
      logger.info({}, 'the default logger wrote its first line')
      expect(setInterval).toHaveBeenCalledTimes(1)
    } finally {
      setInterval.mockRestore()
    }
  })
})
