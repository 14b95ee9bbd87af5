import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// template/ sits beside both src/ and dist/.
const templateDir = fileURLToPath(new URL('../template/', import.meta.url))
const ownVersion: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version

// Tools the scaffolded project develops with; typefast itself is this package's own version.
const DEV_DEPENDENCIES = { '@types/node': '^20.19.0', tsx: '^4.23.15', typescript: '^5.9.3' }

/** The scaffolded project's package.json: the four scripts and its dependencies. */
export function projectManifest(name: string, typefastVersion = ownVersion) {
  return {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      dev: 'typefast dev src/app.ts',
      start: 'typefast run dist/app.js',
      test: 'tsc && tsx --test test/*.test.ts',
      build: 'tsc -p tsconfig.build.json',
    },
    dependencies: { typefast: `^${typefastVersion}` },
    devDependencies: DEV_DEPENDENCIES,
  }
}

/** A package name from a directory name: npm's rules (lower case, no spaces or leading dot/underscore). */
export function packageName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '')
  return name || 'my-api'
}

/**
 * Write a ready project into `dir` (created if missing). Refuses a directory that has files, so
 * nothing of the user's is overwritten.
 */
export function scaffold(dir: string): { dir: string; name: string } {
  const target = resolve(dir)
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new Error(`${target} is not empty: choose a new directory.`)
  cpSync(templateDir, target, { recursive: true })
  // npm never packs a file named .gitignore, so the template ships it without the dot.
  renameSync(join(target, 'gitignore'), join(target, '.gitignore'))
  const name = packageName(target)
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(projectManifest(name), null, 2)}\n`)
  return { dir: target, name }
}
