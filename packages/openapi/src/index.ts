export { docsAsset } from './assets.js'
export { buildOpenAPIDocument } from './document.js'
export { type RedocOptions, redocHtml } from './redoc.js'
export { type SwaggerUIOptions, swaggerOAuth2RedirectHtml, swaggerUIHtml } from './swagger-ui.js'
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
