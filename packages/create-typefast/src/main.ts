#!/usr/bin/env node
// `npm create typefast@latest [dir]`: scaffolds a typefast project into dir (default my-api).
import { relative } from 'node:path'
import { scaffold } from './scaffold.js'

const dir = process.argv[2] ?? 'my-api'
try {
  const project = scaffold(dir)
  const cd = relative(process.cwd(), project.dir) || '.'
  process.stdout.write(
    `Created ${project.name} in ${project.dir}.\n\nNext:\n  cd ${cd}\n  npm install\n  npm run dev     # http://127.0.0.1:8000/docs\n  npm test\n`,
  )
} catch (error) {
  process.stderr.write(`create-typefast: ${(error as Error).message}\n`)
  process.exit(1)
}
