import { useCompiledBuild } from 'typefast'
import { app } from './app.js'
import build from './build/typefast-build.mjs'

// A Cloudflare Workers module. Workers forbid generating code at run time, so the app serves its
// ahead-of-time build: run `typefast build app.ts --out build` first, then bundle this file.
useCompiledBuild(build)

export default { fetch: app.fetch }
