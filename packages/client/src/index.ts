export type { CallOptions, Client, HeaderValues, MethodCall, OptionsArg, PathsOf } from './client-types.js'
export { type ClientOptions, createClient } from './create-client.js'
export type { Endpoint, Endpoints, Method } from './endpoint.js'
export type { EndpointsOf } from './endpoints-of.js'
export {
  MissingPathParamError,
  OverridesUnsupportedError,
} from './errors.js'
export type { InjectableApp } from './inject-transport.js'
export type { OpenAPIEndpoints, OperationEndpoint } from './openapi-endpoints.js'
export { type DependencyOverride, override } from './override.js'
export type { ClientResponse, RawBody, RawResponse } from './response.js'
export { ResponseParseError } from './response-data.js'
export type { RouteEndpoint, RouteEndpoints } from './route-endpoints.js'
export type { HttpStatus } from './status-codes.js'
export { type TestableApp, type TestClientOptions, testClient } from './test-client.js'
export type { UndiciTransportOptions } from './undici-transport.js'
export type { HTTPValidationError, ValidationError } from './validation-error.js'
