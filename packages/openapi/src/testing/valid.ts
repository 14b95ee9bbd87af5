import { validate } from '@readme/openapi-parser'
import { expect } from 'vitest'

/**
 * The document passes @readme/openapi-parser as OpenAPI, with its errors shown when it does not.
 * The validator dereferences the object it is given in place: it gets a deep copy.
 */
export async function expectValidOpenAPI(document: unknown): Promise<void> {
  const result = await validate(structuredClone(document) as never)
  expect(result.valid ? [] : result.errors).toEqual([])
  expect(result.valid).toBe(true)
  expect(result.specification).toBe('OpenAPI')
}
