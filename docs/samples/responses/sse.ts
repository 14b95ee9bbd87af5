import { createApp, type ServerSentEvent, sse } from 'typefast'

async function* prices(): AsyncGenerator<ServerSentEvent> {
  yield { retry: 5000, comment: 'stream opened' }
  for (let id = 1; id <= 3; id++) {
    yield { event: 'price', id, data: { symbol: 'TF', price: 100 + id } }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

// text/event-stream, Cache-Control: no-cache, `: ping` every 15 s while idle (the `ping` option);
// when the browser closes the EventSource, the generator's `finally` runs. `mediaType` tells the
// OpenAPI document, as FastAPI's `response_class=EventSourceResponse` does.
export const app = createApp().get(
  '/prices',
  { responses: { 200: { mediaType: 'text/event-stream' } } },
  function priceFeed() {
    return sse(prices(), { ping: 15_000 })
  },
)
