// Every documented deviation points at its section of the differences page: the page is where a
// user reads what FastAPI answers instead. Runs without FastAPI.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { deviations, operationDeviations } from './deviations.mjs'

const page = readFileSync(new URL('../docs/differences-from-fastapi.md', import.meta.url), 'utf8')
// The page's anchors: backticks and apostrophes dropped, any other run of punctuation a hyphen.
const anchors = new Set(
  [...page.matchAll(/^## (.+)$/gm)].map(([, heading]) =>
    heading!
      .toLowerCase()
      .replace(/[`'’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
  ),
)

test.each([...deviations, ...operationDeviations].map((d) => [d.id, d.anchor]))(
  'the deviation %s has its section on the differences page',
  (_id, anchor) => {
    const [file, section] = anchor.split('#')
    expect(file).toBe('docs/differences-from-fastapi.md')
    expect([...anchors]).toContain(section)
  },
)
