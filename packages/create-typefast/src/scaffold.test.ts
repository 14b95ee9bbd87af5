import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { packageName, projectManifest, scaffold } from './scaffold.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'create-typefast-'))

test('scaffolds an app, a test, the tsconfigs, a .gitignore and a package.json named after the directory', () => {
  const { dir, name } = scaffold(join(tempDir(), 'My API'))
  expect(name).toBe('my-api')
  expect(readdirSync(dir).sort()).toEqual(
    ['.gitignore', 'README.md', 'package.json', 'src', 'test', 'tsconfig.build.json', 'tsconfig.json'].sort(),
  )
  expect(readdirSync(join(dir, 'src'))).toEqual(['app.ts'])
  expect(readdirSync(join(dir, 'test'))).toEqual(['app.test.ts'])
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  expect(manifest).toEqual(projectManifest('my-api'))
  expect(Object.keys(manifest.scripts)).toEqual(['dev', 'start', 'test', 'build'])
  expect(readFileSync(join(dir, 'test/app.test.ts'), 'utf8')).toContain('testClient(app')
})

test('depends on the typefast version it was published with', () => {
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
  expect(projectManifest('x').dependencies).toEqual({ typefast: `^${own}` })
})

test('an empty existing directory is used; one with files is refused, untouched', () => {
  const empty = join(tempDir(), 'empty')
  mkdirSync(empty)
  expect(scaffold(empty).dir).toBe(empty)
  const used = tempDir()
  writeFileSync(join(used, 'notes.txt'), 'mine')
  expect(() => scaffold(used)).toThrow(/is not empty/)
  expect(readdirSync(used)).toEqual(['notes.txt'])
})

test.each([
  ['My API', 'my-api'],
  ['.hidden', 'hidden'],
  ['_x', 'x'],
  ['café', 'caf'],
])('package name from %j: %j', (dir, name) => {
  expect(packageName(dir)).toBe(name)
})
