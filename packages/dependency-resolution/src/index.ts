export type {
  BackgroundTasks,
  CookieOptions,
  RequestInfo,
  ResolveContext,
  ResponseControl,
  SendableResponse,
} from './context.js'
export {
  type AnyDependency,
  type Dependency,
  type DependencyFunction,
  type DependencyOptions,
  type DepsSpec,
  type DepsValues,
  dependency,
  isDependency,
  nameWithoutPlace,
  type Resolved,
} from './dependency.js'
export {
  type FunctionSource,
  type GeneratedFunction,
  generatingThrough,
  recordGeneratedFunctions,
  useFunctionSource,
} from './generated-function.js'
export type { InputLocation, InputSchemas, InputSpec, Inputs, Undeclared } from './inputs.js'
export { mergeInputSchemas } from './merge-inputs.js'
export { type CompileOptions, compileDependencyPlan, type DependencyPlan } from './plan.js'
export { RequestScope } from './scope.js'
export {
  type SecurityOptions,
  type SecurityRequirement,
  type SecurityScheme,
  SecurityScopes,
  security,
  securityRequirements,
  securityScopes,
} from './security.js'
export type { InputCheck } from './solve-in-order.js'
export { TypefastError } from './typefast-error.js'
