import { expect } from 'vitest'
import { TypefastError } from '../typefast-error.js'

/**
 * The error `fn` throws, checked to be a `TypefastError` of `type` with `code` and a message
 * holding each of `parts`; returned for the checks particular to it. Every package's
 * errors.test.ts checks its catalogue this way.
 */
export function thrown<E extends TypefastError>(
  fn: () => unknown,
  type: abstract new (...args: never[]) => E,
  code: string,
  ...parts: string[]
): E {
  let error: unknown
  try {
    fn()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(type)
  expect(error).toBeInstanceOf(TypefastError)
  expect((error as E).code).toBe(code)
  for (const part of parts) expect((error as E).message).toContain(part)
  return error as E
}
