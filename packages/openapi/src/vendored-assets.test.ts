import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const require = createRequire(import.meta.url)
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const assetsDir = join(packageRoot, 'assets')
// The list scripts/vendor-assets.mjs copies.
const vendored: Record<string, string[]> = JSON.parse(
  readFileSync(join(packageRoot, 'scripts/vendored-files.json'), 'utf8'),
)

test.each(Object.entries(vendored))(
  'assets/%s holds exactly the listed files, byte for byte as the official package ships them',
  (packageName, files) => {
    const packageDir = dirname(require.resolve(`${packageName}/package.json`))
    const names = files.map((file) => file.split('/').pop())
    expect(readdirSync(join(assetsDir, packageName)).sort()).toEqual(names.sort())
    for (const file of files) {
      const copy = readFileSync(join(assetsDir, packageName, file.split('/').pop()!))
      expect(copy.equals(readFileSync(join(packageDir, file))), file).toBe(true)
    }
  },
)

test('every vendored package keeps its licence notice', () => {
  for (const [packageName, files] of Object.entries(vendored)) expect(files, packageName).toContain('LICENSE')
})
