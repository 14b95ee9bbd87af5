import { createApp } from 'typefast'

// FastAPI's @app.middleware("http"): see the request, await the response, change it or replace it.
export const app = createApp()
  .use(async function processTime(_request, next) {
    const started = performance.now()
    const response = await next()
    response.headers['x-process-time'] = `${(performance.now() - started).toFixed(2)}ms`
    return response
  })
  .get('/', function root() {
    return { message: 'Hello World' }
  })
