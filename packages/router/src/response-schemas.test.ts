import { t } from '@typefast/validation'
import { expect, test } from 'vitest'
import { isStatusMap } from './response-schemas.js'

test('a map of status codes is a status map; a schema, even an empty one, is not', () => {
  expect(isStatusMap({ 200: t.String(), 404: t.Object({ detail: t.String() }) })).toBe(true)
  expect(isStatusMap(t.Object({ name: t.String() }))).toBe(false)
  expect(isStatusMap(t.Array(t.String()))).toBe(false)
  expect(isStatusMap({})).toBe(false)
  expect(isStatusMap(undefined)).toBe(false)
  expect(isStatusMap({ 200: t.String(), default: t.String() } as never)).toBe(false)
})
