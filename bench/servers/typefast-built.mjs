// Runs a typefast app module (argv[2], exporting `app`) on 127.0.0.1:$PORT from its `typefast build` output
// (argv[3], the build directory): the app compiles nothing at start-up, as `typefast run --compiled DIR` does.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { useCompiledBuild } from 'typefast'

const build = await import(pathToFileURL(join(process.argv[3], 'typefast-build.mjs')).href)
useCompiledBuild(build.default)
const { app } = await import(pathToFileURL(process.argv[2]).href)
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
