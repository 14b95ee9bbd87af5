import { describe, expect, test } from 'vitest'
import { type Cli, fixture, freePort, keepAliveLoop, type ShutdownTally, startCli } from './test-support.js'

// Shutdown and start-up races of `typefast run`, each repeated, since a race shows in some runs
// only: SIGTERM under load loses no request, and SIGTERM at any moment of start-up exits 0.

// one process is also repeated 10 times by packages/server/src/transport/graceful-close.test.ts
const runsOf: Record<number, number> = { 1: 5, 2: 10 }
const clients = 8

async function shutdownUnderLoad(workers: number): Promise<ShutdownTally> {
  const port = await freePort()
  const cli = startCli(['run', fixture, '--port', String(port), '--workers', String(workers)])
  await cli.waitFor(/serving on http:\/\/127\.0\.0\.1:\d+/)
  const tally: ShutdownTally = { answered: 0, lost: [], toldToClose: 0 }
  const loops = Array.from({ length: clients }, () => keepAliveLoop(`http://127.0.0.1:${port}`, tally))
  while (tally.answered < clients * 20 && tally.lost.length === 0) await new Promise((r) => setTimeout(r, 5))
  cli.child.kill('SIGTERM')
  await Promise.all(loops)
  expect(await cli.exited, cli.stderr()).toBe(0)
  return tally
}

describe('typefast run: SIGTERM under load', () => {
  for (const workers of [1, 2]) {
    const runs = runsOf[workers]!
    test(`--workers ${workers}, ${runs} runs: no request lost or reset, every connection told to close`, async () => {
      const lost: string[] = []
      let answered = 0
      for (let run = 0; run < runs; run++) {
        const tally = await shutdownUnderLoad(workers)
        lost.push(...tally.lost)
        answered += tally.answered
        expect(tally.toldToClose, `run ${run}`).toBe(clients)
      }
      process.stdout.write(`--workers ${workers}: ${answered} answered, ${lost.length} lost over ${runs} runs\n`)
      expect(lost).toEqual([])
    }, 180_000)
  }
})

/** Wait `ms`, then SIGTERM; the command must exit 0 within 10 s. */
async function termAfter(cli: Cli, ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms))
  cli.child.kill('SIGTERM')
  const exited = await Promise.race([cli.exited, new Promise((r) => setTimeout(() => r('hung'), 10_000))])
  expect(exited, `SIGTERM ${ms} ms after the fork\n${cli.stderr()}`).toBe(0)
}

describe('typefast run: SIGTERM during start-up', () => {
  // From the fork to serving takes about 1 s here; these cover before, during and after the app loads.
  for (const ms of [0, 100, 500, 1500]) {
    test(`--workers 2, ${ms} ms after the fork: exits 0 promptly`, async () => {
      const cli = startCli(['run', fixture, '--port', String(await freePort()), '--workers', '2'])
      await cli.waitFor(/starting 2 workers/)
      await termAfter(cli, ms)
    }, 30_000)
  }

  for (const workers of [1, 2]) {
    test(`--workers ${workers}, while the app module loads: exits 0 promptly`, async () => {
      const cli = startCli(['run', fixture, '--port', String(await freePort()), '--workers', String(workers)], {
        LOAD_MS: '20000',
      })
      await cli.waitFor(/app module loading/, workers)
      await termAfter(cli, 0)
    }, 30_000)
  }
})
