// What the router, the OpenAPI package and the server need of dependencies; applications import from '.'.
export type { ResolveContext } from './context.js'
export { nameWithoutPlace } from './dependency.js'
export { isAsyncGeneratorFunction, isGeneratorFunction } from './function-kind.js'
export { canGenerate, generate } from './generated-code.js'
export {
  type FunctionSource,
  type GeneratedFunction,
  generatingAtStartUp,
  generatingThrough,
  recordGeneratedFunctions,
  useFunctionSource,
} from './generated-function.js'
export { mergeInputSchemas } from './merge-inputs.js'
export {
  type ParameterIn,
  type ParameterKey,
  type ParameterLocation,
  parameterLocations,
} from './parameter-locations.js'
export { type CompileOptions, compileDependencyPlan, type DependencyPlan } from './plan.js'
export { RequestScope } from './scope.js'
export { securityRequirements } from './security.js'
export type { InputCheck } from './solve-in-order.js'
export { isThenable } from './thenable.js'
