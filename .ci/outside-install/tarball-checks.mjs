// Static checks of one extracted tarball (`dir` holds its package/ contents): what a user gets.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative } from 'node:path'

const TEST_FILE = /(\.test\.|\.test-d\.|test-support|test-helpers|\/testing\/|\/fixtures\/|\.tsbuildinfo$)/
// Import and export statements at the start of a line (as tsc emits them), and dynamic imports.
const IMPORT =
  /^(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"./][^'"]*)['"]|^import\s*['"]([^'"./][^'"]*)['"]|\bimport\(\s*['"]([^'"./][^'"]*)['"]\s*\)/gm

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
}

function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

// A declaration file's import of `pkg` is also met by its DefinitelyTyped package (`@types/pkg`,
// `@types/scope__name` for `@scope/name`): a types-only package needs the types, not the code.
function typesPackageOf(pkg) {
  return `@types/${pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg}`
}

function exportTargets(exports) {
  if (typeof exports === 'string') return [exports]
  return Object.values(exports ?? {}).flatMap(exportTargets)
}

/** [name, ok, detail] for each check of the package in `dir`. */
export function tarballChecks(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const files = filesUnder(dir).map((file) => relative(dir, file))
  const name = manifest.name
  const allowed = new Set([
    name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const builtins = new Set(builtinModules)

  // create-typefast's template/ is the scaffolded project, whose test is part of what it makes.
  const testFiles = files.filter((file) => TEST_FILE.test(`/${file}`) && !file.startsWith('template/'))
  const undeclared = []
  for (const file of files.filter((f) => /\.(m?js|d\.ts)$/.test(f) && !f.startsWith('assets/'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]
      const pkg = packageOf(specifier)
      const typed = file.endsWith('.d.ts') && allowed.has(typesPackageOf(pkg))
      if (!specifier.startsWith('node:') && !builtins.has(pkg) && !allowed.has(pkg) && !typed)
        undeclared.push(`${file}: ${specifier}`)
    }
  }
  const missingSources = []
  for (const file of files.filter((f) => f.endsWith('.map') && !f.startsWith('assets/'))) {
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    for (const source of map.sources)
      if (!existsSync(join(dirname(join(dir, file)), map.sourceRoot ?? '', source)))
        missingSources.push(`${file}: ${source}`)
  }
  const targets = [...exportTargets(manifest.exports), ...Object.values(manifest.bin ?? {})]
  const missingTargets = targets.filter((target) => !existsSync(join(dir, target)))
  const conditions = JSON.stringify(manifest.exports ?? {}).match(/"@typefast\/source"/g) ?? []

  return [
    [`${name}: no test files, test support or build caches`, testFiles.length === 0, testFiles.join(', ')],
    [`${name}: every import is a dependency or a Node built-in`, undeclared.length === 0, undeclared.join(', ')],
    [`${name}: every source map's sources ship`, missingSources.length === 0, missingSources.slice(0, 5).join(', ')],
    [
      `${name}: every exports and bin target ships`,
      targets.length > 0 && missingTargets.length === 0,
      missingTargets.join(', '),
    ],
    [`${name}: no in-repo export condition`, conditions.length === 0, ''],
    [
      `${name}: README.md and LICENSE`,
      files.includes('README.md') && files.includes('LICENSE'),
      files.join(' ').slice(0, 200),
    ],
    [`${name}: sideEffects declared`, 'sideEffects' in manifest, ''],
    [`${name}: no workspace: ranges`, !JSON.stringify(manifest).includes('workspace:'), ''],
  ]
}
