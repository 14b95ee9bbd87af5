import { dependency } from '@typefast/dependency-resolution'
import { request } from 'undici'
import { describe, expect, test } from 'vitest'
import { createApp } from '../app/app.js'
import { stream } from '../responses/stream-response.js'
import { closeAfterTest, quietLogger } from '../test-support.js'

const settle = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('background.add()', () => {
  test('tasks run in order after the response is sent, from handlers and dependencies', async () => {
    const events: string[] = []
    const audit = dependency(({ background }) => {
      background.add((who: string) => events.push(`audit ${who}`), 'dep')
      return 'audit'
    })
    const app = createApp({ logger: quietLogger<{ task?: string }>() }).get(
      '/',
      { deps: { audit } },
      ({ background }) => {
        background.add(
          async (a: number, b: number) => {
            await new Promise((r) => setTimeout(r, 20))
            events.push(`sum ${a + b}`)
          },
          1,
          2,
        )
        background.add(() => events.push('last'))
        events.push('handler')
        return { ok: true }
      },
    )
    closeAfterTest(app)
    const { url } = await app.listen({ port: 0 })
    const response = await request(url)
    expect(await response.body.json()).toEqual({ ok: true })
    // The answer did not wait for the slow task.
    expect(events).not.toContain('sum 3')
    await settle(() => events.length === 4)
    expect(events).toEqual(['handler', 'audit dep', 'sum 3', 'last'])
  })

  test('a failing task is logged and the next still runs', async () => {
    const logger = quietLogger<{ task?: string }>()
    const events: string[] = []
    const app = createApp({ logger }).get('/', ({ background }) => {
      background.add(function sendEmail() {
        throw new Error('smtp down')
      })
      background.add(() => events.push('next'))
      return 'ok'
    })
    expect((await app.inject({ url: '/' })).status).toBe(200)
    await settle(() => events.length === 1)
    expect(events).toEqual(['next'])
    expect(logger.errors).toEqual([expect.objectContaining({ task: 'sendEmail' })])
  })

  test('tasks wait for a streamed body, run before dependency teardown, and not at all when the handler fails', async () => {
    const events: string[] = []
    const session = dependency(async function* session() {
      yield 's'
      events.push('teardown')
    })
    const app = createApp({ logger: quietLogger<{ task?: string }>() })
      .get('/stream', { deps: { session } }, ({ background }) => {
        background.add(() => events.push('task'))
        return stream(
          (async function* () {
            yield 'a'
            events.push('body sent')
          })(),
        )
      })
      .get('/fails', ({ background }) => {
        background.add(() => events.push('never'))
        throw new Error('handler failed')
      })
    expect((await app.inject({ url: '/stream' })).body).toBe('a')
    await settle(() => events.length === 3)
    expect(events).toEqual(['body sent', 'task', 'teardown'])
    expect((await app.inject({ url: '/fails' })).status).toBe(500)
    await new Promise((r) => setTimeout(r, 30))
    expect(events).not.toContain('never')
  })
})
