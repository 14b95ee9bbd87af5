import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TypefastError } from 'typefast'
import { describe, expect, test } from 'vitest'

// Every errors.ts of every package (those added later included) against the catalogue page.
const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url))
const page = readFileSync(new URL('errors.md', import.meta.url), 'utf8')

const errorFiles = readdirSync(packagesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)src\/(.*\/)?errors\.ts$/.test(file) && !file.includes('node_modules'))
  .map((file) => join(packagesDir, file))

// A table cell holding exactly `name` (the formatter pads cells).
const hasCell = (name: string) => new RegExp(`\\|\\s*\`${name}\`\\s*\\|`).test(page)
const codesIn = (text: string) => [...text.matchAll(/'(TF_[A-Z0-9_]+)'/g)].map((m) => m[1]!)

describe('docs/reference/errors.md', () => {
  test('finds the errors.ts of the packages', () => {
    expect(errorFiles.length).toBeGreaterThanOrEqual(7)
  })

  test('lists every exported error class of every errors.ts, with its code', async () => {
    for (const file of errorFiles) {
      const classes = Object.entries(await import(file)).filter(
        (entry): entry is [string, new (...args: never[]) => Error] =>
          typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
      )
      expect(classes.length, file).toBeGreaterThan(0)
      for (const [name, value] of classes) {
        expect(value.prototype, `${name} extends TypefastError`).toBeInstanceOf(TypefastError)
        expect(hasCell(name), `${name} (${file})`).toBe(true)
      }
      for (const code of codesIn(readFileSync(file, 'utf8'))) expect(hasCell(code), `${code} (${file})`).toBe(true)
    }
  })

  test('lists no code that no errors.ts has', () => {
    const known = new Set(errorFiles.flatMap((file) => codesIn(readFileSync(file, 'utf8'))))
    const listed = [...page.matchAll(/^\|\s*`(TF_[A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]!)
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.filter((code) => !known.has(code))).toEqual([])
    expect(new Set(listed).size).toBe(listed.length)
  })
})
