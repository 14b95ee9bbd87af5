// Writes src/test-support/todo-paths.d.ts: the todo app's OpenAPI document through openapi-typescript.
// Run from the repository root after changing the todo app's routes:
//   node --conditions=@typefast/source --import tsx packages/client/scripts/generate-fixture.ts
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateTodoPaths, todoPathsFile } from '../src/test-support/todo-openapi.js'

writeFileSync(todoPathsFile, await generateTodoPaths())
console.log(`wrote ${fileURLToPath(todoPathsFile)}`)
