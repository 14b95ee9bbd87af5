// The server side of bench/soak.mjs: the benchmark app, reporting its memory over IPC.
import { app } from '../apps/bench/src/app.js'

const { port } = await app.listen({ port: 0 })
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.()
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed })
  }
  if (message === 'close') void app.close().then(() => process.exit(0))
})
process.send?.({ port })
