import equal from 'ajv/dist/runtime/equal.js'
import ucs2length from 'ajv/dist/runtime/ucs2length.js'
import uri from 'ajv/dist/runtime/uri.js'
import validationError from 'ajv/dist/runtime/validation_error.js'
import formats from 'ajv-formats/dist/formats.js'
import Serializer from 'fast-json-stringify/lib/serializer.js'

// The modules the standalone code of ajv and fast-json-stringify requires, by the ids it names
// them with. A build module receives them from here (it imports nothing itself, so it runs from
// any directory and in any bundle); `typefast build` refuses code that requires anything else.
const modules: Record<string, unknown> = {
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/ucs2length': ucs2length,
  'ajv/dist/runtime/uri': uri,
  'ajv/dist/runtime/validation_error': validationError,
  'ajv-formats/dist/formats': formats,
  'fast-json-stringify/lib/serializer': Serializer,
}

/** The ids a build module may require. */
export const buildRuntimeIds: ReadonlySet<string> = new Set(Object.keys(modules))

/** `require` for a build module's code. */
export function buildRuntime(id: string): unknown {
  if (!Object.hasOwn(modules, id)) throw new Error(`a typefast build requires '${id}', which typefast does not provide`)
  return modules[id]
}
