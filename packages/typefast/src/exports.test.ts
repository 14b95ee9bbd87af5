import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import * as umbrella from './index.js'

// Every package's `.` (its public API) is re-exported; `./internal` is not.
const packagesDir = join(import.meta.dirname, '..', '..')
const manifests = readdirSync(packagesDir)
  .map((dir) => JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')))
  .filter((manifest) => manifest.name.startsWith('@typefast/'))

async function exportsOf(specifier: string): Promise<string[]> {
  return Object.keys(await import(specifier))
}

/** The names a source file exports, types too, following `export * from` into packages and files. */
function exportedNames(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const listed = [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter(Boolean),
  )
  const starred = [...source.matchAll(/export \* from '([^']+)'/g)].flatMap(([, from]) =>
    exportedNames(
      from!.startsWith('@typefast/')
        ? join(packagesDir, from!.slice('@typefast/'.length), 'src', 'index.ts')
        : join(dirname(file), from!.replace(/\.js$/, '.ts')),
    ),
  )
  return [...listed, ...starred]
}

describe('the typefast umbrella', () => {
  test('re-exports every public value of every package', async () => {
    for (const { name } of manifests) {
      const missing = (await exportsOf(name)).filter((key) => !(key in umbrella))
      expect(missing, name).toEqual([])
    }
  })

  test('exports nothing that is only internal', async () => {
    const internalOnly = new Set<string>()
    const publicNames = new Set<string>()
    for (const manifest of manifests) {
      for (const key of await exportsOf(manifest.name)) publicNames.add(key)
      if (manifest.exports['./internal'] !== undefined)
        for (const key of await exportsOf(`${manifest.name}/internal`)) internalOnly.add(key)
    }
    for (const key of publicNames) internalOnly.delete(key)
    expect(internalOnly.size).toBeGreaterThan(0)
    expect(Object.keys(umbrella).filter((key) => internalOnly.has(key))).toEqual([])
    expect(Object.keys(umbrella).filter((key) => !publicNames.has(key))).toEqual([])
  })

  test('the API section of the README lists every name it exports', () => {
    const names = exportedNames(join(import.meta.dirname, 'index.ts'))
    const readme = readFileSync(join(packagesDir, '..', 'README.md'), 'utf8')
    const api = readme.slice(readme.indexOf('## API'), readme.indexOf('\n## ', readme.indexOf('## API') + 1))
    expect(names.length).toBeGreaterThan(100)
    expect(names.filter((name) => !api.includes(`\`${name}\``))).toEqual([])
  })

  test('package boundaries: only the server imports node:http; router and openapi run without validation', () => {
    const sourcesOf = (dir: string) =>
      readdirSync(join(packagesDir, dir, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$|test-helpers|test-support|testing\//.test(file))
        .map((file) => readFileSync(join(packagesDir, dir, 'src', file), 'utf8'))
    for (const dir of ['router', 'validation', 'dependency-resolution', 'openapi', 'settings', 'client']) {
      expect(
        sourcesOf(dir).some((text) => text.includes("from 'node:http'")),
        dir,
      ).toBe(false)
    }
    for (const dir of ['router', 'openapi']) {
      const manifest = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'))
      expect(Object.keys(manifest.dependencies), dir).not.toContain('@typefast/validation')
      expect(
        sourcesOf(dir).some((text) => text.includes("from '@typefast/validation")),
        dir,
      ).toBe(false)
    }
  })
})
