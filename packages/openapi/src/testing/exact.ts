import { expect } from 'vitest'

/** Deep equality with key order too: typefast's document is compared with FastAPI's exactly. */
export function expectExact(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual, null, 1)).toBe(JSON.stringify(expected, null, 1))
}
