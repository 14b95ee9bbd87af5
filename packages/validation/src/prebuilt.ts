import { type GeneratedFunction, useFunctionSource } from '@typefast/dependency-resolution/internal'
import type { ValidateFunction } from 'ajv'
import { buildRuntime } from './build-runtime.js'
import { StaleBuildError } from './errors.js'
import { fingerprint } from './fingerprint.js'

// The module `typefast build` writes holds, for one app, every validator, serializer and
// generated function its start-up makes, each by the canonical form it was made from. Once it is
// installed, compiling one of those takes it from the build: nothing is generated at run time.

/** What a build's `load` returns: its code, by canonical form. */
export interface PrebuiltCode {
  validators: Record<string, ValidateFunction>
  serializers: Record<string, (value: unknown) => string>
  functions: Record<string, GeneratedFunction>
}

/** A built app: its OpenAPI document, as JSON text (parsed only if it is asked for). */
export interface BuiltApp {
  openapi: string
}

/** The default export of a module written by `typefast build`. */
export interface CompiledBuild {
  /** The shape of this object; a module of another format is refused. */
  format: 1
  /** The command that wrote it, named when it is stale. */
  command: string
  /** Each app compiled at build time, by the fingerprint of its routes and schemas. */
  apps: Record<string, BuiltApp>
  /** Makes the code, given the few runtime modules it needs (named as ajv's standalone code names them). */
  load(require: (id: string) => unknown): PrebuiltCode
}

export const buildFormat = 1

let installed: { build: CompiledBuild; code: PrebuiltCode } | undefined

function take<T>(table: Record<string, T>, key: string, what: string): T {
  const found = Object.hasOwn(table, key) ? table[key] : undefined
  if (found === undefined) throw new StaleBuildError(installed!.build.command, `it has no ${what} for ${shorten(key)}.`)
  return found
}

const shorten = (key: string): string => (key.length > 160 ? `${key.slice(0, 160)}…` : key)

/**
 * Compile from `build` (the default export of the module `typefast build` wrote) from now on:
 * every validator, serializer and generated function comes from it, and an app whose routes or
 * schemas differ from the built ones fails to start with a StaleBuildError. Call it before the
 * app's first request (before `app.ready()`).
 */
export function useCompiledBuild(build: CompiledBuild): void {
  if (build?.format !== buildFormat || typeof build.load !== 'function') {
    throw new TypeError('useCompiledBuild: expected the default export of the module `typefast build` wrote')
  }
  const code = build.load(buildRuntime)
  installed = { build, code }
  useFunctionSource({ take: (key) => take(code.functions, key, 'generated function') })
}

/** The validator the installed build holds for a canonical form; undefined when no build is installed. */
export function prebuiltValidator(key: string): ValidateFunction | undefined {
  return installed && take(installed.code.validators, key, 'validator')
}

/** The serializer the installed build holds for a canonical form; undefined when no build is installed. */
export function prebuiltSerializer(key: string): ((value: unknown) => string) | undefined {
  return installed && take(installed.code.serializers, key, 'serializer')
}

let recordedApps: Map<string, () => string> | undefined

/**
 * Called as an app compiles, with a description of its routes and schemas (texts that change
 * when they do) and a getter of its OpenAPI document's JSON. Started from a build: the build's entry for
 * the app, or a StaleBuildError when the build does not know it. Otherwise undefined (and while
 * `typefast build` records, the app is noted).
 */
export function compiledApp(description: readonly string[], openapi: () => string): BuiltApp | undefined {
  const key = fingerprint(description)
  if (installed === undefined) {
    recordedApps?.set(key, openapi)
    return undefined
  }
  const found = installed.build.apps[key]
  if (found === undefined) {
    throw new StaleBuildError(installed.build.command, 'its routes or schemas differ from the ones it was built from.')
  }
  return found
}

/** Note every app compiled from now on, by fingerprint, with its OpenAPI document's getter (`typefast build`). */
export function recordCompiledApps(): ReadonlyMap<string, () => string> {
  recordedApps ??= new Map()
  return recordedApps
}

/** Forget the installed build (tests). */
export function clearCompiledBuild(): void {
  installed = undefined
  useFunctionSource(undefined)
}
