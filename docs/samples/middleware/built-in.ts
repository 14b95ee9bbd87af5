import { cors, createApp, gzip, requestId, trustedHost } from 'typefast'

export const app = createApp()
  .use(
    trustedHost({ allowedHosts: ['example.com', '*.example.com', 'localhost', '127.0.0.1'] }),
    cors({
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Authorization'],
      allowCredentials: true,
      exposeHeaders: ['X-Request-ID'],
    }),
    requestId(),
    gzip({ minimumSize: 500 }),
  )
  .get('/items', function readItems({ request }) {
    return {
      requestId: request.headers['x-request-id'],
      items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })),
    }
  })
