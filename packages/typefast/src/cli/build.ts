import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { recordGeneratedFunctions } from '@typefast/dependency-resolution/internal'
import { type CompiledBuild, useCompiledBuild } from '@typefast/validation'
import { buildModuleSource, recordCompiledApps } from '@typefast/validation/internal'
import { loadApp } from './load-app.js'

/** The module `typefast build` writes into its output directory. */
export const buildModuleName = 'typefast-build.mjs'

export interface BuildOptions {
  target: string
  out: string
}

/** What the build needs of the app beyond serving it. */
interface Buildable {
  ready(): unknown
  openapi(): unknown
}

function isBuildable(app: unknown): app is Buildable {
  const a = app as Partial<Buildable>
  return typeof a.ready === 'function' && typeof a.openapi === 'function'
}

/**
 * `typefast build <app> --out DIR`: loads the app, compiles it as its start-up would, and writes
 * DIR/typefast-build.mjs (every validator, serializer and generated function, and the OpenAPI
 * documents) and DIR/openapi.json. Returns the files written.
 */
export async function build({ target, out }: BuildOptions): Promise<string[]> {
  const functions = recordGeneratedFunctions()
  const apps = recordCompiledApps()
  const app = await loadApp(target)
  if (!isBuildable(app)) throw new Error(`typefast build needs a typefast app; ${target} exports another server.`)
  app.ready()
  const command = `typefast build ${target} --out ${out}`
  const documents = Object.fromEntries([...apps].map(([fingerprint, openapi]) => [fingerprint, { openapi: openapi() }]))
  const source = buildModuleSource({ command, apps: documents, functions })
  const dir = resolve(out)
  mkdirSync(dir, { recursive: true })
  const files = [join(dir, buildModuleName), join(dir, 'openapi.json')]
  writeFileSync(files[0]!, source)
  writeFileSync(files[1]!, `${JSON.stringify(app.openapi(), null, 2)}\n`)
  return files
}

/** `--compiled DIR`: compile from the build in DIR from now on (before the app is imported). */
export async function useBuildFrom(dir: string): Promise<void> {
  const file = join(resolve(dir), buildModuleName)
  let module: { default: CompiledBuild }
  try {
    module = (await import(pathToFileURL(file).href)) as { default: CompiledBuild }
  } catch (error) {
    throw new Error(`Cannot load the typefast build ${file} (run typefast build first): ${(error as Error).message}`)
  }
  useCompiledBuild(module.default)
}
