// What the server and the OpenAPI package need of routes; applications import from '.'.
export { isEmbeddedBody, isJsonFormField } from './body-kind.js'
export { type Flattened, flatten, flattenRoutes, type ResolvedRoute, type ResolvedWebSocketRoute } from './flatten.js'
export { joinPaths, type PathTemplate, parsePathTemplate } from './path-template.js'
export { isStatusMap } from './response-schemas.js'
export { type LookupResult, RouteTable } from './route-table.js'
