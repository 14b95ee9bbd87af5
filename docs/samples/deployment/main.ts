import { createApp } from 'typefast'

// The module `typefast run` serves: it exports the app as `app`.
export const app = createApp({
  title: 'Shop',
  // Behind a proxy that serves the API under /api: the docs and OpenAPI `servers` say so.
  rootPath: process.env.ROOT_PATH ?? '',
  // Limits: each has a safe default; these tighten a few.
  bodyLimit: 256 * 1024, // 413 beyond
  maxUrlLength: 4096, // 414 beyond
  headersTimeout: 5_000, // 408 for a client that sends its head too slowly
  requestTimeout: 30_000, // 408 for one that sends its body too slowly
  keepAliveTimeout: 65_000, // longer than the proxy's idle timeout (60 s on most load balancers)
  shutdownTimeout: 15_000, // what requests in flight get on SIGTERM
})
  .get('/health', function health() {
    return { status: 'ok', pid: process.pid }
  })
  .onShutdown(() => {
    // close pools, flush buffers: runs after the requests in flight have finished
  })
