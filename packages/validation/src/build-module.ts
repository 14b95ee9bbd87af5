import standaloneModule from 'ajv/dist/standalone/index.js'
import fastJson from 'fast-json-stringify'
import { buildRuntimeIds } from './build-runtime.js'
import { type BuiltApp, buildFormat } from './prebuilt.js'
import { compileAjv, compiledSchemas, deref, namedSchemas, newAjv } from './registry.js'
import { compiledSerializerSchemas } from './serializer.js'

// The source of the module `typefast build` writes: every validator and serializer this process
// has compiled (ajv's and fast-json-stringify's standalone code) and every generated function,
// each by the canonical form it was made from, with the apps' OpenAPI documents. The module
// imports nothing: its `load(require)` is handed the few runtime modules the code needs.

type Schema = Record<string, unknown>

export interface BuildContents {
  /** The command that writes the module, named when it is stale. */
  command: string
  apps: Record<string, BuiltApp>
  functions: ReadonlyMap<string, { params: readonly string[]; body: string }>
}

/**
 * Compile what a failing body's 422 and pydantic's lax union can still ask for at run time: each
 * branch of every union, alone (error-map.ts and lax-coerce.ts check them one by one).
 */
function compileUnionBranches(): void {
  const seen = new Set<object>()
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
        for (const branch of value) {
          compileAjv(branch)
          compileAjv(deref(branch) ?? {})
        }
      }
      if (key !== 'default' && key !== 'const' && key !== 'enum' && key !== 'examples') visit(value)
    }
  }
  for (const schema of [...compiledSchemas().values(), ...namedSchemas().values()]) visit(schema)
}

function validatorsSource(schemas: ReadonlyMap<string, Schema>): { code: string; exports: Map<string, string> } {
  const ajv = newAjv({ source: true, esm: false, optimize: true })
  for (const body of namedSchemas().values()) ajv.addSchema(body)
  const exports = new Map<string, string>()
  let i = 0
  for (const [key, prepared] of schemas) {
    const name = `v${i++}`
    ajv.addSchema(prepared, `typefast-${name}`)
    exports.set(key, name)
  }
  const standaloneCode = standaloneModule.default
  const refs = Object.fromEntries([...exports.values()].map((name) => [name, `typefast-${name}`]))
  return { code: exports.size === 0 ? '' : standaloneCode(ajv, refs), exports }
}

function serializerSource(root: Schema, externals: Record<string, Schema>): string {
  const options = { schema: externals, mode: 'standalone', inlineValidators: true }
  return fastJson(root as never, options as never) as unknown as string
}

function checkRequires(code: string): void {
  for (const [, , id] of code.matchAll(/require\((["'])([^"']+)\1\)/g)) {
    if (!buildRuntimeIds.has(id!)) {
      throw new Error(`typefast build: the compiled code requires '${id}', which a build cannot provide`)
    }
  }
}

const literal = (value: unknown): string => JSON.stringify(value)

/** The text of the build module, from what this process compiled. */
export function buildModuleSource(contents: BuildContents): string {
  compileUnionBranches()
  const validators = validatorsSource(compiledSchemas())
  const serializers = [...compiledSerializerSchemas()].map(([key, { root, externals }], i) => ({
    key,
    name: `serializer${i}`,
    code: serializerSource(root, externals),
  }))
  const functions = [...contents.functions].map(([key, { params, body }]) => ({
    key,
    code: `function (${params.join(', ')}) {\n${body}\n}`,
  }))
  for (const code of [validators.code, ...serializers.map((s) => s.code), ...functions.map((f) => f.code)]) {
    checkRequires(code)
  }
  const lines = [
    `// Written by \`${contents.command}\`; do not edit, run it again.`,
    '// The compiled validators, serializers and dependency plans of an app, and its OpenAPI document:',
    '// an app started from this module generates no code. Load it with `typefast run <app> --compiled <dir>`',
    '// or useCompiledBuild(build) before the app first compiles.',
    '',
    'function validators(require) {',
    '  const exports = {}',
    validators.code,
    '  return exports',
    '}',
    '',
  ]
  for (const { name, code } of serializers) {
    lines.push(
      `function ${name}(require) {`,
      '  const module = { exports: {} }',
      code,
      '  return module.exports',
      '}',
      '',
    )
  }
  lines.push(
    'export default {',
    `  format: ${buildFormat},`,
    `  command: ${literal(contents.command)},`,
    `  apps: ${literal(contents.apps)},`,
    '  load(require) {',
    '    const v = validators(require)',
    '    return {',
    '      validators: {',
    ...[...validators.exports].map(([key, name]) => `        ${literal(key)}: v.${name},`),
    '      },',
    '      serializers: {',
    ...serializers.map(({ key, name }) => `        ${literal(key)}: ${name}(require),`),
    '      },',
    '      functions: {',
    ...functions.map(({ key, code }) => `        ${literal(key)}: ${code},`),
    '      },',
    '    }',
    '  },',
    '}',
    '',
  )
  return lines.join('\n')
}
