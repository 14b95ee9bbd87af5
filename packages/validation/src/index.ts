export { bigInteger } from './big-integer-schema.js'
export { markBigIntegers, mayHoldBigIntegers, reviveBigIntegers, stringifyJson } from './big-integers.js'
export { type BodyValidator, type BodyValidatorOptions, compileBodyValidator } from './body-validator.js'
export { type BuildContents, buildModuleSource } from './build-module.js'
export { type ErrorLocation, jsonInvalidError, missingBodyError, type ValidationErrorItem } from './error-format.js'
export { StaleBuildError } from './errors.js'
export { compileInputValidator, type InputValidator, type RawInput } from './input-validator.js'
export {
  type BuiltApp,
  type CompiledBuild,
  clearCompiledBuild,
  compiledApp,
  recordCompiledApps,
  useCompiledBuild,
} from './prebuilt.js'
export { jsonTextError } from './json-text.js'
export { type Static, type TObject, type TProperties, type TSchema, t } from './schema.js'
export { compileSerializer, type Serializer } from './serializer.js'
export { SettingsError, type SettingsIssue, type SettingsOptions, settings } from './settings.js'
