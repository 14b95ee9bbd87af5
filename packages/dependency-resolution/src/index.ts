export {
  type AnyDependency,
  type Dependency,
  type DependencyFunction,
  type DependencyOptions,
  type DepsSpec,
  type DepsValues,
  dependency,
  isDependency,
  type Resolved,
} from './dependency.js'
export {
  DependencyCycleError,
  DependencyNoYieldError,
  DependencyYieldedTwiceError,
  InputConflictError,
  InvalidDependencyError,
  InvalidScopeError,
  NotADependencyError,
} from './errors.js'
export type { InputLocation, InputSchemas, InputSpec, Inputs, Undeclared } from './inputs.js'
export {
  type SecurityOptions,
  type SecurityRequirement,
  type SecurityScheme,
  SecurityScopes,
  security,
  securityScopes,
} from './security.js'
export { TypefastError } from './typefast-error.js'
