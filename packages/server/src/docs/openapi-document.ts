import type { OpenAPIDocument, OperationSource } from '@typefast/openapi'
import { buildOpenAPIDocument } from '@typefast/openapi/internal'
import type { AppOptions } from '../app/app-options.js'
import { documentSecurity } from '../security/openapi-security.js'
import { webhookOperations } from './webhooks.js'

export interface BuiltDocument {
  readonly document: OpenAPIDocument
  /** The document as served at /openapi.json: serialized once. */
  readonly bytes: Buffer
}

/**
 * The app's OpenAPI 3.1 document, built at start-up from its compiled operations, so that a
 * clash it holds (two schemas with one `$id`, two security schemes with one name) fails
 * `ready()` even when the document is not served.
 */
export function buildAppDocument(
  compiled: readonly OperationSource[],
  options: AppOptions,
  rootPath: string,
): BuiltDocument {
  const { operations, securitySchemes } = documentSecurity(compiled)
  // FastAPI puts root_path's server first, and when no servers are set adds the key last.
  const rootServer = rootPath === '' || options.servers?.some((s) => s.url === rootPath) ? [] : [{ url: rootPath }]
  const built = buildOpenAPIDocument(operations, {
    info: {
      title: options.title ?? 'typefast',
      version: options.version ?? '0.1.0',
      summary: options.summary,
      description: options.description,
      termsOfService: options.termsOfService,
      contact: options.contact,
      license: options.license,
    },
    servers: options.servers && [...rootServer, ...options.servers],
    tags: options.openapiTags,
    securitySchemes,
    webhooks: webhookOperations(options.webhooks ?? []),
  })
  const document = options.servers === undefined && rootServer.length > 0 ? { ...built, servers: rootServer } : built
  return { document, bytes: Buffer.from(JSON.stringify(document)) }
}

/** The document a `typefast build` holds, as its JSON text. */
export function documentFromJson(text: string): BuiltDocument {
  return { document: JSON.parse(text) as OpenAPIDocument, bytes: Buffer.from(text) }
}
