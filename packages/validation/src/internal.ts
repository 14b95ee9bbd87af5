// What the server and the settings package need of validation; applications import from '.'.

export { admitsNull } from './admits-null.js'
export { hasIntegers, markBigIntegers, mayHoldBigIntegers, reviveBigIntegers, stringifyJson } from './big-integers.js'
export { arraySchema } from './coerce.js'
export { jsonInvalidError, missingBodyError } from './error-format.js'
export { compileInputValidator, type InputValidator, type RawInput } from './input-validator.js'
export { deref } from './registry.js'
