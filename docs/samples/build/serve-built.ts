import type { CompiledBuild } from 'typefast'
import { useCompiledBuild } from 'typefast'

// What `typefast run app.ts --compiled build` does, in your own entry point: install the build
// first, then import the app and serve it. Nothing is compiled at start-up.
const buildDir = process.env.BUILD_DIR ?? './build'
const build: { default: CompiledBuild } = await import(`${buildDir}/typefast-build.mjs`)
useCompiledBuild(build.default)

const { app } = await import('./app.js')
const { url } = await app.listen({ port: Number(process.env.PORT ?? 8000) })
console.log(`serving on ${url}`)
