import { TypefastError } from '@typefast/dependency-resolution'
import { afterEach, describe, expect, it } from 'vitest'
import { StaleBuildError } from './errors.js'
import { fingerprint } from './fingerprint.js'
import { type CompiledBuild, clearCompiledBuild, compiledApp, useCompiledBuild } from './prebuilt.js'
import { compileAjv, prepare, schemaKey } from './registry.js'
import { t } from './schema.js'
import { compileSerializer } from './serializer.js'

afterEach(() => clearCompiledBuild())

const command = 'typefast build src/app.ts --out build'

function fakeBuild(code: Partial<ReturnType<CompiledBuild['load']>>, apps: CompiledBuild['apps'] = {}): CompiledBuild {
  return { format: 1, command, apps, load: () => ({ validators: {}, serializers: {}, functions: {}, ...code }) }
}

describe('an installed build', () => {
  it('gives the validator and serializer it holds for a canonical form', () => {
    const schema = t.Object({ prebuiltOnly: t.String() })
    const key = schemaKey(prepare(schema))
    const validate = Object.assign(() => true, { errors: null })
    const serialize = () => '"from the build"'
    useCompiledBuild(fakeBuild({ validators: { [key]: validate as never }, serializers: { [key]: serialize } }))
    expect(compileAjv(schema)).toBe(validate)
    expect(compileSerializer(schema)).toBe(serialize)
  })

  it('refuses a schema it was not built with: StaleBuildError, TF_STALE_BUILD, naming the command', () => {
    useCompiledBuild(fakeBuild({}))
    let error: unknown
    try {
      compileAjv(t.Object({ addedSinceTheBuild: t.Integer() }))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StaleBuildError)
    expect(error).toBeInstanceOf(TypefastError)
    expect((error as StaleBuildError).code).toBe('TF_STALE_BUILD')
    expect((error as Error).message).toMatch(
      /it has no validator for \{"type":"object".*Rebuild it with `typefast build src\/app\.ts --out build`/,
    )
  })

  it('knows the apps it was built from by the fingerprint of their description', () => {
    let document = 0
    const openapi = () => String(++document)
    expect(compiledApp(['routes A'], openapi)).toBeUndefined() // no build: nothing to check
    const built = { openapi: '{"openapi":"3.1.0"}' }
    useCompiledBuild(fakeBuild({}, { [fingerprint(['routes A'])]: built }))
    expect(compiledApp(['routes A'], openapi)).toBe(built)
    expect(document).toBe(0)
    expect(() => compiledApp(['routes B'], openapi)).toThrow(
      'The compiled build does not match the app: its routes or schemas differ from the ones it was built from.',
    )
  })

  it('is refused when it is not a typefast build', () => {
    expect(() => useCompiledBuild({ format: 2 } as never)).toThrow(/expected the default export of the module/)
  })
})
