#!/usr/bin/env node
// The `typefast` executable: `typefast dev app.ts`, `typefast run app.ts --workers 4`.
import { fileURLToPath } from 'node:url'
import { runCli } from './cli.js'
import { say } from './serve.js'

runCli(process.argv.slice(2), fileURLToPath(import.meta.url)).catch((error: unknown) => {
  say((error as Error)?.stack ?? String(error))
  process.exit(1)
})
