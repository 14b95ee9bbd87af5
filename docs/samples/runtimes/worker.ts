import { app } from './app.js'

// A Cloudflare Workers module (wrangler deploy). Workers forbid generating code at run time, so
// the app must start from its ahead-of-time build (`typefast build`), not from this file alone.
export default { fetch: app.fetch }
