// Run with plain node: serves the app on a free port and prints its URL.
import { app } from './app.js'

const { url } = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`listening ${url}\n`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
