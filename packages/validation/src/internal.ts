// What the server and the settings package need of validation; applications import from '.'.

export { admitsNull } from './admits-null.js'
export { markBigIntegers, mayHoldBigIntegers, reviveBigIntegers, stringifyJson } from './big-integers.js'
export { type BuildContents, buildModuleSource } from './build-module.js'
export { arraySchema } from './coerce.js'
export { jsonInvalidError, missingBodyError } from './error-format.js'
export { compileInputValidator, type InputValidator, type RawInput } from './input-validator.js'
export { jsonTextError } from './json-text.js'
export { type BuiltApp, clearCompiledBuild, compiledApp, recordCompiledApps } from './prebuilt.js'
export { deref } from './registry.js'
