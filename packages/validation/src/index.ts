export { type BodyValidator, type BodyValidatorOptions, compileBodyValidator } from './body-validator.js'
export type { ErrorLocation, ValidationErrorItem } from './error-format.js'
export { type Static, type TObject, type TProperties, type TSchema, t } from './schema.js'
export { compileSerializer, type Serializer } from './serializer.js'
