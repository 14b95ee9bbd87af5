import { app } from './main.js'

const { url } = await app.listen({ port: Number(process.env.PORT ?? 8000) })
console.log(`Serving on ${url}, docs on ${url}/docs`)

process.on('SIGINT', () => void app.close())
