// Type-check cost of a generated app and of its client, with TypeScript 5.9 or 7: writes the
// fixture of N routes, runs `tsc --extendedDiagnostics` on the app alone and on the app plus the
// module calling every route, and returns the figures. Instantiation counts are deterministic;
// times are not, on a shared machine.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appSource, clientSource } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
export const root = join(here, '..', '..')
export const generatedDir = join(here, '.generated')

/** The two compilers the packages are checked with: 5.9 (JavaScript) and 7 (native). */
export const compilers = {
  5.9: join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  7: join(root, 'node_modules', 'typescript7', 'bin', 'tsc'),
}

/** A tsconfig for the generated files, which resolve the workspace packages to their sources. */
function project(dir, name, files) {
  const packages = relative(dir, join(root, 'packages'))
  const config = join(dir, `tsconfig.${name}.json`)
  writeFileSync(
    config,
    JSON.stringify({
      extends: relative(dir, join(root, 'tsconfig.base.json')),
      compilerOptions: {
        noEmit: true,
        // An app does not publish declarations; at 2,000 routes the app's inferred type is over
        // what declaration emit serializes (TS7056).
        declaration: false,
        declarationMap: false,
        paths: { '@typefast/*': [`${packages}/*/src/index.ts`] },
        types: ['node'],
        typeRoots: [relative(dir, join(root, 'node_modules', '@types'))],
      },
      // The packages' declarations of untyped modules, which their tsconfig includes and `paths` does not reach.
      files: [...files, relative(dir, join(root, 'packages', 'validation', 'src', 'vendor-modules.d.ts'))],
    }),
  )
  return config
}

// TypeScript 7 checks files on several checkers, each instantiating the shared types again: one
// checker keeps its counts deterministic and comparable to 5.9's.
const flags = { 5.9: [], 7: ['--checkers', '1'] }

function diagnose(compiler, config) {
  let output
  try {
    output = execFileSync(
      process.execPath,
      [compilers[compiler], '-p', config, '--extendedDiagnostics', ...flags[compiler]],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    )
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`
  }
  const number = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1] ?? Number.NaN)
  return {
    instantiations: number('Instantiations'),
    types: number('Types'),
    checkTime: number('Check time'),
    memoryKB: number('Memory used'),
    errors: output.split('\n').filter((line) => /error TS\d+/.test(line)),
  }
}

/**
 * Write the fixture of `routes` routes (0: the imports and shared dependencies alone), its
 * client typed by an interface (the default) or by `typeof app` (`typedBy: 'typeof'`).
 */
export function writeFixture(routes, typedBy) {
  const dir = join(generatedDir, String(routes))
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'app.ts'), appSource(routes))
  writeFileSync(join(dir, 'use-client.ts'), clientSource(routes, typedBy))
  return dir
}

/**
 * The app's and the client's instantiations per route at `routes` routes, each net of the
 * fixture of 0 routes (`empty`, from measureEmpty), which holds the packages' own cost.
 */
export function measure(compiler, routes, empty, typedBy) {
  const dir = writeFixture(routes, typedBy)
  const app = diagnose(compiler, project(dir, 'app', ['app.ts']))
  const full = diagnose(compiler, project(dir, 'full', ['app.ts', 'use-client.ts']))
  const clientOnly = full.instantiations - app.instantiations - (empty.full - empty.app)
  return {
    compiler,
    routes,
    app: app.instantiations,
    full: full.instantiations,
    appPerRoute: Math.round((app.instantiations - empty.app) / routes),
    clientPerRoute: Math.round(clientOnly / routes),
    checkTime: { app: app.checkTime, full: full.checkTime },
    memoryMB: Math.round(full.memoryKB / 1024),
    errors: full.errors,
  }
}

export function measureEmpty(compiler, typedBy) {
  const dir = writeFixture(0, typedBy)
  return {
    app: diagnose(compiler, project(dir, 'app', ['app.ts'])).instantiations,
    full: diagnose(compiler, project(dir, 'full', ['app.ts', 'use-client.ts'])).instantiations,
  }
}
