import type { ResolvedRoute } from '@typefast/router/internal'
import { toJson } from './json.js'
import { defaultOperationId, handlerName, UniqueIds } from './names.js'
import { buildOperation } from './operation.js'
import { SchemaRegistry } from './schema-registry.js'
import type { OpenAPIDocument, OpenAPIInfo, OpenAPIOptions, OperationSource, PathItemObject } from './types.js'

type MethodKey = keyof PathItemObject

/**
 * The OpenAPI 3.1.0 document of an app, with FastAPI's conventions. Built once at start-up: throws
 * if two different schemas share an `$id`, or a `$ref` names a schema that appears nowhere.
 */
export function buildOpenAPIDocument(operations: OperationSource[], options: OpenAPIOptions): OpenAPIDocument {
  const registry = new SchemaRegistry()
  const ids = new UniqueIds()
  // Keys in FastAPI's order: openapi, info, servers, paths, webhooks, components, tags.
  const document = { openapi: '3.1.0', info: infoObject(options.info) } as OpenAPIDocument
  if (options.servers && options.servers.length > 0) document.servers = options.servers.map((s) => ({ ...s }))

  document.paths = pathItems(documented(operations), registry, ids, (route) => route.template.openapiPath)
  if (options.webhooks && options.webhooks.length > 0) {
    // A webhook is named, not located: its route's path without the leading '/'.
    document.webhooks = pathItems(documented(options.webhooks), registry, ids, (route) => route.path.replace(/^\//, ''))
  }

  const schemas = registry.components()
  const components: NonNullable<OpenAPIDocument['components']> = {}
  if (Object.keys(schemas).length > 0) components.schemas = schemas
  if (options.securitySchemes && Object.keys(options.securitySchemes).length > 0) {
    components.securitySchemes = toJson(options.securitySchemes) as Record<string, unknown>
  }
  if (Object.keys(components).length > 0) document.components = components
  if (options.tags && options.tags.length > 0) document.tags = toJson(options.tags) as OpenAPIDocument['tags']
  return document
}

function pathItems(
  sources: OperationSource[],
  registry: SchemaRegistry,
  ids: UniqueIds,
  keyOf: (route: ResolvedRoute) => string,
): Record<string, PathItemObject> {
  const items: Record<string, PathItemObject> = {}
  for (const source of sources) {
    const { route } = source
    const key = keyOf(route)
    // FastAPI's generate_unique_id joins the name and the path, or a webhook's name: 'new_subscriptionnew_subscription_post'.
    const operationId = ids.take(
      route.spec.operationId ?? defaultOperationId(handlerName(route.name), key, route.method),
    )
    items[key] ??= {}
    items[key][route.method.toLowerCase() as MethodKey] = buildOperation(source, operationId, registry)
  }
  return items
}

/** The info object with its keys in FastAPI's order: the version last. */
function infoObject(info: OpenAPIInfo): OpenAPIInfo {
  const { version, ...rest } = toJson(info) as OpenAPIInfo
  const out = {} as OpenAPIInfo
  for (const key of INFO_KEYS) if (rest[key] !== undefined) Object.assign(out, { [key]: rest[key] })
  return Object.assign(out, rest, { version })
}

const INFO_KEYS = ['title', 'summary', 'description', 'termsOfService', 'contact', 'license'] as const

/** Routes shown in the document: not those with includeInSchema false, nor a HEAD made from a GET. */
function documented(sources: OperationSource[]): OperationSource[] {
  const getHandlers = new Map<string, unknown>()
  for (const { route } of sources) if (route.method === 'GET') getHandlers.set(route.path, route.handler)
  return sources.filter(
    ({ route }) => route.includeInSchema && !(route.method === 'HEAD' && getHandlers.get(route.path) === route.handler),
  )
}
