import type { InputSchemas } from '@typefast/dependency-resolution'
import type { ResolvedRoute } from '@typefast/router/internal'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain JSON. */
export type SchemaObject = { [keyword: string]: unknown }

export interface OpenAPIInfo {
  title: string
  version: string
  summary?: string
  description?: string
  termsOfService?: string
  contact?: { name?: string; url?: string; email?: string }
  license?: { name: string; identifier?: string; url?: string }
}

export interface TagInfo {
  name: string
  description?: string
  externalDocs?: { url: string; description?: string }
}

export interface ServerInfo {
  url: string
  description?: string
}

/** A security requirement: the scheme's name in `components.securitySchemes` and the scopes it needs. */
export interface SecurityRequirementSource {
  scheme: string
  scopes: string[]
}

/** Everything the document needs to know about one route. */
export interface OperationSource {
  route: ResolvedRoute
  /** The route's own inputs merged with those of all its dependencies. */
  inputs: InputSchemas
  security?: SecurityRequirementSource[]
}

export interface OpenAPIOptions {
  info: OpenAPIInfo
  servers?: ServerInfo[]
  tags?: TagInfo[]
  securitySchemes?: Record<string, unknown>
  /**
   * Webhooks the API sends (OpenAPI 3.1 `webhooks`), declared like routes: the route's path, without
   * its leading '/', is the webhook's name ('/new-subscription' documents as `new-subscription`).
   */
  webhooks?: OperationSource[]
}

export interface ParameterObject {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: SchemaObject
  description?: string
  deprecated?: boolean
}

export interface MediaTypeObject {
  schema: SchemaObject
}

export interface RequestBodyObject {
  content: Record<string, MediaTypeObject>
  /** Written only when true, as FastAPI does. */
  required?: true
}

export interface ResponseObject {
  description: string
  content?: Record<string, MediaTypeObject>
}

export interface OperationObject {
  tags?: string[]
  summary?: string
  description?: string
  operationId: string
  parameters?: ParameterObject[]
  requestBody?: RequestBodyObject
  responses: Record<string, ResponseObject>
  deprecated?: boolean
  security?: Record<string, string[]>[]
}

export type PathItemObject = Partial<
  Record<'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace', OperationObject>
>

export interface ComponentsObject {
  schemas?: Record<string, SchemaObject>
  securitySchemes?: Record<string, unknown>
}

/** An OpenAPI 3.1.0 document: plain JSON, ready for JSON.stringify. */
export interface OpenAPIDocument {
  openapi: '3.1.0'
  info: OpenAPIInfo
  servers?: ServerInfo[]
  paths: Record<string, PathItemObject>
  webhooks?: Record<string, PathItemObject>
  components?: ComponentsObject
  tags?: TagInfo[]
}
