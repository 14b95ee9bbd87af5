export {
  DuplicateSchemaIdError,
  SelfContainingSchemaError,
  UnresolvedSchemaRefError,
} from './errors.js'
export type { RedocOptions } from './redoc.js'
export type { SwaggerUIOptions } from './swagger-ui.js'
export type {
  ComponentsObject,
  MediaTypeObject,
  OpenAPIDocument,
  OpenAPIInfo,
  OpenAPIOptions,
  OperationObject,
  OperationSource,
  ParameterObject,
  PathItemObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementSource,
  ServerInfo,
  TagInfo,
} from './types.js'
