// Copies the docs pages' prebuilt files from the official redoc and swagger-ui-dist packages
// (devDependencies) into assets/, which @typefast/openapi ships: users get these few files
// without installing redoc's React application tree or all of swagger-ui-dist.
// Run after changing either devDependency's version: `node scripts/vendor-assets.mjs`.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const scriptsDir = dirname(fileURLToPath(import.meta.url))
const assetsDir = join(scriptsDir, '..', 'assets')
// The files to vendor, by package and path in that package (copied flat into assets/<package>/).
const vendored = JSON.parse(readFileSync(join(scriptsDir, 'vendored-files.json'), 'utf8'))

rmSync(assetsDir, { recursive: true, force: true })
for (const [packageName, files] of Object.entries(vendored)) {
  const packageDir = dirname(require.resolve(`${packageName}/package.json`))
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  mkdirSync(join(assetsDir, packageName), { recursive: true })
  for (const file of files) copyFileSync(join(packageDir, file), join(assetsDir, packageName, file.split('/').pop()))
  console.log(`${packageName}@${version}: ${files.length} files`)
}
