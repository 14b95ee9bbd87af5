// Prints vitest's totals as the plain closing line CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(new URL('../test-output/vitest.json', import.meta.url), 'utf8'))
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`)
