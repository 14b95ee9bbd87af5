import type { OperationSource } from '@typefast/openapi'
import type { AnyRoute, AnyRouter } from '@typefast/router'
import { flattenRoutes } from '@typefast/router/internal'
import { ownInputs } from '../pipeline/compile-route.js'

/**
 * The operations of the webhooks an app sends (FastAPI's `app.webhooks`): documented under
 * `webhooks`, named by their path without the leading '/', and never served.
 */
export function webhookOperations(webhooks: readonly (AnyRoute | AnyRouter)[]): OperationSource[] {
  return flattenRoutes(webhooks).map((route) => ({ route, inputs: ownInputs(route) }))
}
