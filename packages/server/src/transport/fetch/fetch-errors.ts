import { TypefastError } from '@typefast/dependency-resolution'

/** WebSocket routes need node:http's upgrade; a fetch handler has no standard one. */
export class FetchWebSocketError extends TypefastError {
  constructor(paths: readonly string[]) {
    super(
      'TF_FETCH_WEBSOCKET',
      `app.fetch cannot serve the WebSocket routes ${paths.join(', ')}: a web fetch handler has no upgrade. ` +
        'Serve this app with app.listen() (node:http), or move its WebSocket routes to an app that does.',
    )
  }
}
